package io.openwaas.mpc.reshare;

import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.RoundInbox;
import io.openwaas.mpc.dkg.KeyShare;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;

/**
 * Reshare round 3, at each new holder: collect every other new holder's {@link ConfirmationMessage}; any difference
 * in the echoed commitments ({@code EQUIVOCATION}, naming the dealer) or in the new key id aborts. Only then is the
 * new {@link KeyShare} released — the point at which the coordinator may atomically switch to the new sharing and
 * delete the old shares (threat line 23). If any round aborts, the new share is destroyed and the old sharing is
 * untouched.
 */
public final class Round3 {

    private final KeyShare pending;
    private final RoundInbox<ConfirmationMessage> inbox;
    private boolean finished;

    Round3(ReshareParameters params, SortedMap<PartyId, byte[]> view, KeyShare pending) {
        this.pending = pending;
        Set<PartyId> others = new HashSet<>(params.newHolders());
        others.remove(params.self());
        MessageContext ctx = new MessageContext(DealerMessage.PROTOCOL, 2, params.session(), params.self(), others,
                false);
        byte[] keyId = pending.groupKey().keyId();
        this.inbox = new RoundInbox<>(ctx, m -> m.validate(ctx, view, keyId));
    }

    public void receive(PartyId from, byte[] bytes) {
        try {
            inbox.accept(from, bytes, ConfirmationMessage::parse);
        } catch (RuntimeException e) {
            pending.destroy();
            throw e;
        }
    }

    public boolean isComplete() {
        return inbox.isComplete();
    }

    public Set<PartyId> missing() {
        return inbox.missing();
    }

    /** The new key share. */
    public KeyShare finish() {
        if (finished) {
            throw new IllegalStateException("round 3 already finished");
        }
        inbox.messages();
        finished = true;
        return pending;
    }
}

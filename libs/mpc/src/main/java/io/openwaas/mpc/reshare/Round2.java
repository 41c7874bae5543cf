package io.openwaas.mpc.reshare;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.RoundInbox;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.dkg.GroupKey;
import io.openwaas.mpc.dkg.KeyShare;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reshare round 2, at each new holder {@code j} (Wong–Wang–Wing 2002 §4, verification by the new shareholders):
 * validate every dealer's message ({@link DealerMessage#validate}), compute {@code s'_j = Σ_i g_i(j)}, the new
 * verification shares and key id, and check that the new group key equals the old one
 * ({@link AbortReason#PUBLIC_KEY_MISMATCH} otherwise). Broadcasts a {@link ConfirmationMessage} with the echo of the
 * dealers' commitments; the new share is released only by {@link Round3}.
 */
public final class Round2 {

    static final String KEY_ID_DOMAIN = "openwaas/reshare/key-id/v1";

    private final ReshareParameters params;
    private final DealerMessage ownDeal;
    private final RoundInbox<DealerMessage> inbox;
    private boolean finished;

    private Round2(ReshareParameters params, DealerMessage ownDeal) {
        this.params = params;
        this.ownDeal = ownDeal;
        Set<PartyId> senders = new HashSet<>(params.dealers());
        senders.remove(params.self());
        MessageContext ctx = new MessageContext(DealerMessage.PROTOCOL, 1, params.session(), params.self(), senders,
                true);
        this.inbox = new RoundInbox<>(ctx, m -> m.validate(ctx, params));
    }

    /**
     * Starts round 2 at a new holder.
     *
     * @param ownDeal the party's own {@link Round1.Output#toSelf()} when it is also a dealer, else {@code null}
     */
    public static Round2 begin(ReshareParameters params, DealerMessage ownDeal) {
        if (!params.isNewHolder()) {
            throw new IllegalArgumentException("this party is not a new holder");
        }
        if (params.isDealer() != (ownDeal != null)) {
            throw new IllegalArgumentException("a dealer that is also a new holder passes its own deal");
        }
        return new Round2(params, ownDeal);
    }

    public void receive(PartyId from, byte[] bytes) {
        inbox.accept(from, bytes, b -> DealerMessage.parse(b, params.group()));
    }

    public boolean isComplete() {
        return inbox.isComplete();
    }

    public Set<PartyId> missing() {
        return inbox.missing();
    }

    /** The confirmation to broadcast to the other new holders, and the final round. */
    public record Output(ConfirmationMessage broadcast, Round3 next) {
    }

    public Output finish() {
        if (finished) {
            throw new IllegalStateException("round 2 already finished");
        }
        SortedMap<PartyId, DealerMessage> all = new TreeMap<>(inbox.messages());
        finished = true;
        if (ownDeal != null) {
            all.put(params.self(), ownDeal);
        }
        EcGroup g = params.group();
        BigInteger q = g.order();
        SortedMap<PartyId, List<EcPoint>> commitments = new TreeMap<>();
        SortedMap<PartyId, byte[]> view = new TreeMap<>();
        BigInteger s = BigInteger.ZERO;
        for (var e : all.entrySet()) {
            commitments.put(e.getKey(), e.getValue().commitments());
            view.put(e.getKey(), e.getValue().echoDigest());
            s = s.add(e.getValue().share().value());
            e.getValue().share().destroy();
        }
        GroupKey newKey = GroupKey.fromCommitments(g, params.session(), KEY_ID_DOMAIN, params.newThreshold(),
                params.newHolders(), commitments);
        if (!newKey.publicKey().equals(params.oldKey().publicKey())) {
            throw new MpcAbortException(DealerMessage.PROTOCOL, 1, AbortReason.PUBLIC_KEY_MISMATCH, List.of(),
                    "new group key differs from the old one");
        }
        KeyShare share = new KeyShare(newKey, params.self(), SecretScalar.of(s, q));
        ConfirmationMessage c = new ConfirmationMessage(MessageHeader.broadcast(DealerMessage.PROTOCOL, 2,
                params.session(), params.self()), view, newKey.keyId());
        return new Output(c, new Round3(params, view, share));
    }
}

package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.RoundInbox;
import io.openwaas.mpc.common.SecretScalar;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * DKG round 3, finalisation (FROST paper Figure 1, round 2 steps 2–4): check every received share against its
 * sender's commitments ({@code f_i(j)·G == Σ_k C_ik·j^k}), check the echoes, then {@code s_j = Σ_i f_i(j)}, group
 * key {@code Y = Σ_i C_i0}, verification shares {@code Y_k = Σ_i Σ_m C_im·k^m} and the key id.
 */
public final class Round3 {

    static final String KEY_ID_DOMAIN = "openwaas/dkg/key-id/v1";

    private final DkgParameters params;
    private final SortedMap<PartyId, List<EcPoint>> commitments;
    private final SecretScalar ownShare;
    private final RoundInbox<Round2Message> inbox;
    private boolean finished;

    Round3(DkgParameters params, SortedMap<PartyId, List<EcPoint>> commitments, SortedMap<PartyId, byte[]> view,
           SecretScalar ownShare) {
        this.params = params;
        this.commitments = commitments;
        this.ownShare = ownShare;
        Set<PartyId> others = new HashSet<>(params.parties());
        others.remove(params.self());
        MessageContext ctx = new MessageContext(Round1Message.PROTOCOL, 2, params.session(), params.self(), others,
                true);
        this.inbox = new RoundInbox<>(ctx, m -> {
            m.validate(ctx, view);
            checkShare(m);
        });
    }

    private void checkShare(Round2Message m) {
        EcGroup g = params.group();
        BigInteger q = g.order();
        EcPoint expected = Groups.evaluateCommitment(commitments.get(m.sender()), params.self().toScalar(q), q);
        if (!g.mulBase(m.share().value()).equals(expected)) {
            throw MpcAbortException.blame(Round1Message.PROTOCOL, 2, AbortReason.INVALID_SHARE, m.sender(),
                    "share does not match the sender's commitments");
        }
    }

    public void receive(PartyId from, byte[] bytes) {
        inbox.accept(from, bytes, b -> Round2Message.parse(b, params.group()));
    }

    public void receive(Round2Message message) {
        inbox.accept(message);
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
        Map<PartyId, Round2Message> received = inbox.messages();
        finished = true;
        EcGroup g = params.group();
        BigInteger q = g.order();
        BigInteger s = ownShare.value();
        for (Round2Message m : received.values()) {
            s = s.add(m.share().value());
            m.share().destroy();
        }
        ownShare.destroy();
        GroupKey gk = groupKey(g, params.session(), KEY_ID_DOMAIN, params.threshold(), params.parties(),
                commitments);
        return new KeyShare(gk, params.self(), SecretScalar.of(s, q));
    }

    static GroupKey groupKey(EcGroup g, io.openwaas.mpc.common.SessionId session, String domain, int t,
                             List<PartyId> holders, SortedMap<PartyId, List<EcPoint>> commitments) {
        return GroupKey.fromCommitments(g, session, domain, t, holders, commitments);
    }
}

package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.EchoBroadcast;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.RoundInbox;
import io.openwaas.mpc.common.SecretScalar;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DKG round 2 (FROST paper Figure 1: round 1 step 5 — verify every peer's proof of knowledge — and round 2 step 1 —
 * send {@code f_i(j)} to each peer {@code j}).
 *
 * <p>Feed it every other party's {@link Round1Message} ({@link #receive(PartyId, byte[])}); each is validated on
 * arrival (envelope, session, vector length, points, proof). {@link #finish()} then produces one
 * {@link Round2Message} per peer, each carrying the share and this party's echo of all round-1 broadcasts, and the
 * {@link Round3} state. Single use.
 */
public final class Round2 {

    private final DkgParameters params;
    private final List<SecretScalar> coefficients;
    private final Round1Message own;
    private final RoundInbox<Round1Message> inbox;
    private boolean finished;

    Round2(DkgParameters params, List<SecretScalar> coefficients, Round1Message own) {
        this.params = params;
        this.coefficients = List.copyOf(coefficients);
        this.own = own;
        Set<PartyId> others = new HashSet<>(params.parties());
        others.remove(params.self());
        MessageContext ctx = new MessageContext(Round1Message.PROTOCOL, 1, params.session(), params.self(), others,
                false);
        this.inbox = new RoundInbox<>(ctx, m -> m.validate(ctx, params));
    }

    /**
     * The output of round 2: one direct message per peer, and the next round. The direct messages hold secret shares:
     * after sending them, destroy them ({@code message.share().destroy()}).
     */
    public record Output(Map<PartyId, Round2Message> direct, Round3 next) {
    }

    /** Decodes and validates a round-1 broadcast received from {@code from}. */
    public void receive(PartyId from, byte[] bytes) {
        inbox.accept(from, bytes, b -> Round1Message.parse(b, params.group()));
    }

    /** Validates an already decoded round-1 broadcast. */
    public void receive(Round1Message message) {
        inbox.accept(message);
    }

    public boolean isComplete() {
        return inbox.isComplete();
    }

    public Set<PartyId> missing() {
        return inbox.missing();
    }

    public Output finish() {
        if (finished) {
            throw new IllegalStateException("round 2 already finished");
        }
        SortedMap<PartyId, Round1Message> all = new TreeMap<>(inbox.messages());
        finished = true;
        all.put(params.self(), own);
        SortedMap<PartyId, byte[]> view = new TreeMap<>();
        SortedMap<PartyId, List<EcPoint>> commitments = new TreeMap<>();
        all.forEach((p, m) -> {
            view.put(p, EchoBroadcast.digest(params.session(), m.toBytes()));
            commitments.put(p, m.commitments());
        });
        Map<PartyId, Round2Message> out = new LinkedHashMap<>();
        SecretScalar ownShare = null;
        for (PartyId j : params.parties()) {
            SecretScalar s = SecretScalar.of(
                    Groups.evaluatePolynomial(coefficients, j.toScalar(params.group().order()), params.group().order()),
                    params.group().order());
            if (j.equals(params.self())) {
                ownShare = s;
            } else {
                out.put(j, new Round2Message(MessageHeader.direct(Round1Message.PROTOCOL, 2, params.session(),
                        params.self(), j), view, s));
            }
        }
        coefficients.forEach(SecretScalar::destroy);
        return new Output(out, new Round3(params, commitments, view, ownShare));
    }
}

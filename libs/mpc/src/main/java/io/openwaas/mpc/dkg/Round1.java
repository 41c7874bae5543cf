package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * DKG round 1 (Pedersen DKG with proofs of knowledge: Komlo–Goldberg, "FROST", SAC 2020, Figure 1, round 1,
 * steps 1–4; Gennaro et al. JoC 2007 for the Feldman-VSS base).
 *
 * <p>Party {@code i} samples a random polynomial {@code f_i(x) = a_i0 + a_i1·x + … + a_i(t−1)·x^(t−1)}, commits to
 * its coefficients ({@code C_ik = a_ik·G}) and proves knowledge of {@code a_i0} with a {@link SchnorrProof} bound to
 * the session, the party id, the party list and the whole commitment vector. The output is the broadcast message
 * and the {@link Round2} state holding the polynomial.
 */
public final class Round1 {

    static final String POK_DOMAIN = "openwaas/dkg/pok/v1";

    private Round1() {
    }

    /** The output of round 1: the message to broadcast to every other party and the next round. */
    public record Output(Round1Message broadcast, Round2 next) {
    }

    public static Output start(DkgParameters params) {
        return start(params, new SecureRandom());
    }

    public static Output start(DkgParameters params, SecureRandom rnd) {
        EcGroup g = params.group();
        List<SecretScalar> coefficients = new ArrayList<>();
        List<EcPoint> commitments = new ArrayList<>();
        for (int k = 0; k < params.threshold(); k++) {
            SecretScalar a = SecretScalar.random(g.order(), rnd);
            coefficients.add(a);
            commitments.add(g.mulBase(a.value()));
        }
        SchnorrProof proof = SchnorrProof.prove(statement(params, params.self(), commitments), coefficients.get(0),
                rnd);
        Round1Message msg = new Round1Message(
                MessageHeader.broadcast(Round1Message.PROTOCOL, 1, params.session(), params.self()), commitments,
                proof);
        return new Output(msg, new Round2(params, coefficients, msg));
    }

    static SchnorrProof.Statement statement(DkgParameters params, PartyId prover, List<EcPoint> commitments) {
        return new SchnorrProof.Statement(POK_DOMAIN, params.group(), params.session(), prover, params.threshold(),
                params.parties(), commitments, commitments.get(0));
    }
}

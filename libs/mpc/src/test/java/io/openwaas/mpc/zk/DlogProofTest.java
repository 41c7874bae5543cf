package io.openwaas.mpc.zk;

import static io.openwaas.mpc.zk.ZkFixtures.OTHER;
import static io.openwaas.mpc.zk.ZkFixtures.PROVER;
import static io.openwaas.mpc.zk.ZkFixtures.RND;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.SessionId;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DlogProofTest {

    private static final Secp256k1 G = Secp256k1.GROUP;

    @Test
    void honestProofVerifiesAndBindsLabelSessionProverAndStatement() {
        SessionId session = SessionId.random();
        BigInteger x = G.randomScalar(RND);
        EcPoint bigX = G.mulBase(x);
        DlogProof proof = DlogProof.prove(G, G.generator(), bigX, x, "Q1", session, PROVER, RND);
        proof.verify(G, G.generator(), bigX, "Q1", session, PROVER);
        ZkFixtures.roundTrip(proof, (p, w) -> p.write(w, G), r -> DlogProof.read(r, G))
                .verify(G, G.generator(), bigX, "Q1", session, PROVER);
        assertThrows(InvalidProofException.class, () -> proof.verify(G, G.generator(), bigX, "R1", session, PROVER));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(G, G.generator(), bigX, "Q1", SessionId.random(), PROVER));
        assertThrows(InvalidProofException.class, () -> proof.verify(G, G.generator(), bigX, "Q1", session, OTHER));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(G, G.generator(), bigX.add(G.generator()), "Q1", session, PROVER));
    }

    @Test
    void proofOnAnotherBaseVerifies() {
        SessionId session = SessionId.random();
        EcPoint base = G.mulBase(G.randomScalar(RND));
        BigInteger x = G.randomScalar(RND);
        DlogProof proof = DlogProof.prove(G, base, base.multiply(x), x, "R", session, PROVER, RND);
        proof.verify(G, base, base.multiply(x), "R", session, PROVER);
        assertThrows(InvalidProofException.class,
                () -> proof.verify(G, G.generator(), base.multiply(x), "R", session, PROVER));
    }
}

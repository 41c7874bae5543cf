package io.openwaas.mpc.zk;

import static io.openwaas.mpc.zk.ZkFixtures.OTHER;
import static io.openwaas.mpc.zk.ZkFixtures.PROVER;
import static io.openwaas.mpc.zk.ZkFixtures.RND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.mpc.common.SessionId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RingPedersenProofTest {

    private static RingPedersenSecret secret;
    private static SessionId session;
    private static RingPedersenProof proof;

    @BeforeAll
    static void prove() {
        secret = ZkFixtures.verifierRp();
        session = SessionId.random();
        proof = RingPedersenProof.prove(secret, session, PROVER, RND);
    }

    @Test
    void honestProofVerifiesAndSurvivesEncoding() {
        proof.verify(secret.params(), session, PROVER);
        RingPedersenProof back = ZkFixtures.roundTrip(proof, RingPedersenProof::write, RingPedersenProof::read);
        back.verify(secret.params(), session, PROVER);
        assertEquals(RingPedersenProof.ITERATIONS, back.commitments().size());
    }

    @Test
    void line16_proofFromAnotherSessionOrProverIsRejected() {
        assertThrows(InvalidProofException.class, () -> proof.verify(secret.params(), SessionId.random(), PROVER));
        assertThrows(InvalidProofException.class, () -> proof.verify(secret.params(), session, OTHER));
    }

    @Test
    void line4_proofWithFewerIterationsIsRejected() {
        RingPedersenProof shortProof = new RingPedersenProof(proof.commitments().subList(0, 127),
                proof.responses().subList(0, 127));
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> shortProof.verify(secret.params(), session, PROVER));
        assertTrue(e.getMessage().contains("repetitions"));
        RingPedersenProof oneIteration = new RingPedersenProof(proof.commitments().subList(0, 1),
                proof.responses().subList(0, 1));
        assertThrows(InvalidProofException.class, () -> oneIteration.verify(secret.params(), session, PROVER));
    }

    @Test
    void line6_smallOrderOrTrivialParametersAreRejected() {
        RingPedersenParams p = secret.params();
        BigInteger n = p.modulus();
        for (BigInteger bad : List.of(BigInteger.ONE, n.subtract(BigInteger.ONE), BigInteger.ZERO, n)) {
            assertThrows(InvalidProofException.class,
                    () -> proof.verify(new RingPedersenParams(n, p.s(), bad), session, PROVER));
            assertThrows(InvalidProofException.class,
                    () -> proof.verify(new RingPedersenParams(n, bad, p.t()), session, PROVER));
        }
        assertThrows(InvalidProofException.class,
                () -> new RingPedersenParams(n, p.t(), p.t()).validate());
    }

    @Test
    void line7_mutatingAnyPublicInputOrResponseFails() {
        RingPedersenParams p = secret.params();
        assertThrows(InvalidProofException.class,
                () -> proof.verify(new RingPedersenParams(p.modulus(), p.t(), p.s()), session, PROVER));
        BigInteger otherS = p.s().multiply(p.t()).mod(p.modulus());
        assertThrows(InvalidProofException.class,
                () -> proof.verify(new RingPedersenParams(p.modulus(), otherS, p.t()), session, PROVER));
        List<BigInteger> z = new ArrayList<>(proof.responses());
        z.set(5, z.get(5).add(BigInteger.ONE));
        RingPedersenProof tampered = new RingPedersenProof(proof.commitments(), z);
        assertThrows(InvalidProofException.class, () -> tampered.verify(p, session, PROVER));
    }
}

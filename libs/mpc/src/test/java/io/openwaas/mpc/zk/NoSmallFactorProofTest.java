package io.openwaas.mpc.zk;

import static io.openwaas.mpc.zk.ZkFixtures.OTHER;
import static io.openwaas.mpc.zk.ZkFixtures.PROVER;
import static io.openwaas.mpc.zk.ZkFixtures.RND;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NoSmallFactorProofTest {

    private static final BigInteger Q = Secp256k1.N;
    private static PaillierPrivateKey key;
    private static RingPedersenParams rp;
    private static SessionId session;
    private static NoSmallFactorProof proof;

    @BeforeAll
    static void prove() {
        key = ZkFixtures.proverKey();
        rp = ZkFixtures.verifierRp().params();
        session = SessionId.random();
        proof = NoSmallFactorProof.prove(key, rp, Q, session, PROVER, RND);
    }

    @Test
    void honestProofVerifiesAndSurvivesEncoding() {
        BigInteger n = key.publicKey().modulus();
        proof.verify(n, rp, Q, session, PROVER);
        ZkFixtures.roundTrip(proof, NoSmallFactorProof::write, NoSmallFactorProof::read).verify(n, rp, Q, session,
                PROVER);
    }

    @Test
    void line1_bitForgeModulusWithSixteenSmallFactorsIsRejected() {
        BigInteger[] forge = ZkFixtures.bitForgeModulus();
        BigInteger n = forge[0];
        BigInteger small = forge[1];
        BigInteger big = forge[2];
        // the best split a cheating prover has: all small primes on one side
        NoSmallFactorProof forged = NoSmallFactorProof.proveFactors(n, small, big, rp, Q, session, PROVER, RND);
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> forged.verify(n, rp, Q, session, PROVER));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
        BigInteger single = BigInteger.valueOf(1 << 14).nextProbablePrime();
        BigInteger rest = n.divide(small).multiply(small.divide(single));
        NoSmallFactorProof forged2 = NoSmallFactorProof.proveFactors(n, single, rest, rp, Q, session, PROVER, RND);
        assertThrows(InvalidProofException.class, () -> forged2.verify(n, rp, Q, session, PROVER));
    }

    @Test
    void line7_and_line16_statementSessionProverAndParametersAreBound() {
        BigInteger n = key.publicKey().modulus();
        assertThrows(InvalidProofException.class, () -> proof.verify(n.add(BigInteger.TWO), rp, Q, session, PROVER));
        assertThrows(InvalidProofException.class, () -> proof.verify(n, rp, Q, SessionId.random(), PROVER));
        assertThrows(InvalidProofException.class, () -> proof.verify(n, rp, Q, session, OTHER));
        RingPedersenParams swapped = new RingPedersenParams(rp.modulus(), rp.t(), rp.s());
        assertThrows(InvalidProofException.class, () -> proof.verify(n, swapped, Q, session, PROVER));
    }

    @Test
    void outOfRangeResponseIsRejected() {
        BigInteger n = key.publicKey().modulus();
        BigInteger tooBig = n.sqrt().multiply(ZkParameters.TWO_ELL_EPS).add(BigInteger.ONE);
        assertThrows(InvalidProofException.class,
                () -> proof.withZ1(tooBig).verify(n, rp, Q, session, PROVER));
    }
}

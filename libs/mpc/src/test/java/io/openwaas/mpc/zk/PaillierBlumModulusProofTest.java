package io.openwaas.mpc.zk;

import static io.openwaas.mpc.zk.ZkFixtures.OTHER;
import static io.openwaas.mpc.zk.ZkFixtures.PROVER;
import static io.openwaas.mpc.zk.ZkFixtures.RND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaillierBlumModulusProofTest {

    private static PaillierPrivateKey key;
    private static SessionId session;
    private static PaillierBlumModulusProof proof;

    @BeforeAll
    static void prove() {
        key = ZkFixtures.proverKey();
        session = SessionId.random();
        proof = PaillierBlumModulusProof.prove(key, session, PROVER, RND);
    }

    @Test
    void honestProofVerifiesAndSurvivesEncoding() {
        proof.verify(key.publicKey().modulus(), session, PROVER);
        ZkFixtures.roundTrip(proof, PaillierBlumModulusProof::write, PaillierBlumModulusProof::read)
                .verify(key.publicKey().modulus(), session, PROVER);
    }

    @Test
    void line1_modulusWithSixteenSmallFactorsIsRejected() {
        // BitForge: N = p1 ⋯ p16 · q with 15-bit primes p_i
        BigInteger[] forge = ZkFixtures.bitForgeModulus();
        BigInteger n = forge[0];
        BigInteger small = forge[1];
        BigInteger q = forge[2];
        assertTrue(n.bitLength() >= 2048);
        PaillierBlumModulusProof forged = PaillierBlumModulusProof.proveFactors(n, small, q, session, PROVER, RND);
        InvalidProofException e = assertThrows(InvalidProofException.class, () -> forged.verify(n, session, PROVER));
        assertTrue(e.getMessage().contains("prime factor below"));
    }

    @Test
    void line1_squareModulusIsRejected() {
        BigInteger p = PaillierPrivateKey.blumPrime(1024, RND);
        BigInteger n = p.multiply(p);
        PaillierBlumModulusProof forged = PaillierBlumModulusProof.proveFactors(n, p, p, session, PROVER, RND);
        InvalidProofException e = assertThrows(InvalidProofException.class, () -> forged.verify(n, session, PROVER));
        // a square has no unit of Jacobi symbol −1, no N-th roots and no fourth roots of non-residues
        assertTrue(e.getMessage().contains("Jacobi") || e.getMessage().contains("N-th root")
                || e.getMessage().contains("fourth root"), e.getMessage());
    }

    @Test
    void line1_evenOrPrimeModulusIsRejected() {
        BigInteger n = key.publicKey().modulus();
        assertThrows(InvalidProofException.class, () -> proof.verify(n.add(BigInteger.ONE), session, PROVER));
        BigInteger prime = BigInteger.probablePrime(2048, RND);
        assertThrows(InvalidProofException.class, () -> proof.verify(prime, session, PROVER));
    }

    @Test
    void nonBlumFactorsAreRejected() {
        BigInteger p;
        do {
            p = BigInteger.probablePrime(1024, RND);
        } while (p.testBit(1) || !p.testBit(1022)); // p ≡ 1 (mod 4)
        BigInteger q = PaillierPrivateKey.blumPrime(1024, RND);
        BigInteger n = p.multiply(q);
        BigInteger pp = p;
        PaillierBlumModulusProof forged = PaillierBlumModulusProof.proveFactors(n, pp, q, session, PROVER, RND);
        assertThrows(InvalidProofException.class, () -> forged.verify(n, session, PROVER));
    }

    @Test
    void line4_truncatedProofIsRejected() {
        InvalidProofException e = assertThrows(InvalidProofException.class,
                () -> proof.truncated(64).verify(key.publicKey().modulus(), session, PROVER));
        assertTrue(e.getMessage().contains("repetitions"));
    }

    @Test
    void line7_and_line16_statementSessionAndProverAreBound() {
        BigInteger other = ZkFixtures.verifierRp().params().modulus();
        assertThrows(InvalidProofException.class, () -> proof.verify(other, session, PROVER));
        assertThrows(InvalidProofException.class,
                () -> proof.verify(key.publicKey().modulus(), SessionId.random(), PROVER));
        assertThrows(InvalidProofException.class, () -> proof.verify(key.publicKey().modulus(), session, OTHER));
    }

    @Test
    void jacobiSymbolKnownAnswers() {
        // (a/n) values from the standard table (e.g. Cohen, A Course in Computational Algebraic Number Theory §1.4)
        assertEquals(-1, ZkMath.jacobi(BigInteger.valueOf(2), BigInteger.valueOf(3)));
        assertEquals(1, ZkMath.jacobi(BigInteger.valueOf(2), BigInteger.valueOf(7)));
        assertEquals(0, ZkMath.jacobi(BigInteger.valueOf(30), BigInteger.valueOf(45)));
        assertEquals(-1, ZkMath.jacobi(BigInteger.valueOf(1001), BigInteger.valueOf(9907)));
        assertEquals(1, ZkMath.jacobi(BigInteger.valueOf(19), BigInteger.valueOf(45)));
        assertEquals(-1, ZkMath.jacobi(BigInteger.valueOf(8), BigInteger.valueOf(21)));
        assertEquals(1, ZkMath.jacobi(BigInteger.valueOf(5), BigInteger.valueOf(21)));
    }
}

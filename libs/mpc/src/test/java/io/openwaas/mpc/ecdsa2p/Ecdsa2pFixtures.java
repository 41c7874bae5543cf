package io.openwaas.mpc.ecdsa2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.InProcessDkg;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierTestKeys;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * Shared, run-time generated fixtures of the ecdsa2p tests (cached per test JVM because Paillier keys and the
 * setup proofs are expensive). Tests that freeze or refresh a key work on a copy ({@link #copy}).
 */
final class Ecdsa2pFixtures {

    static final SecureRandom RND = new SecureRandom();
    static final PartyId P1 = PartyId.of(1);
    static final PartyId P2 = PartyId.of(2);
    static final PartyId P3 = PartyId.of(3);
    private static InProcessEcdsa2p.KeyPair twoOfTwo;
    private static Map<PartyId, TwoOfThreeShare> twoOfThree;
    private static Map<PartyId, InProcessEcdsa2p.AuxState> aux;
    private static SessionId auxSession;

    private Ecdsa2pFixtures() {
    }

    /** P1's Paillier key of the cached 2-of-2 key. */
    static PaillierPrivateKey p1Paillier() {
        return PaillierTestKeys.key(0);
    }

    /**
     * The aux states of holders 1, 2, 3 from one aux setup session, made once per test JVM (aux moduli: test keys
     * 8, 1 and 9 — distinct from every Paillier key the tests use for key generation and refresh).
     */
    static synchronized Map<PartyId, InProcessEcdsa2p.AuxState> aux() {
        if (aux == null) {
            auxSession = SessionId.random();
            aux = new InProcessEcdsa2p().auxSetup(auxSession, Map.of(P1, PaillierTestKeys.key(8), P2,
                    PaillierTestKeys.key(1), P3, PaillierTestKeys.key(9)));
        }
        return aux;
    }

    static InProcessEcdsa2p.AuxState aux(PartyId id) {
        return aux().get(id);
    }

    static synchronized SessionId auxSession() {
        aux();
        return auxSession;
    }

    static synchronized InProcessEcdsa2p.KeyPair twoOfTwo() {
        if (twoOfTwo == null) {
            twoOfTwo = new InProcessEcdsa2p().keygen(SessionId.random(), P1, P2, p1Paillier(), aux(P1), aux(P2));
        }
        return twoOfTwo;
    }

    /** Independent copies of the cached 2-of-2 shares (own freeze latch), via their encodings. */
    static InProcessEcdsa2p.KeyPair copy() {
        InProcessEcdsa2p.KeyPair k = twoOfTwo();
        return new InProcessEcdsa2p.KeyPair(P1KeyShare.parse(k.p1().toBytes()), P2KeyShare.parse(k.p2().toBytes()));
    }

    /** Cycles through cached Paillier keys 2..7 (P1's Paillier keys of the pair setups). */
    static Supplier<PaillierPrivateKey> pairKeys() {
        AtomicInteger i = new AtomicInteger();
        return () -> PaillierTestKeys.key(2 + i.getAndIncrement() % 6);
    }

    static synchronized Map<PartyId, TwoOfThreeShare> twoOfThree() {
        if (twoOfThree == null) {
            Map<PartyId, KeyShare> dkg = InProcessDkg.run(Secp256k1.GROUP, 2, List.of(P1, P2, P3));
            twoOfThree = new InProcessEcdsa2p().setupTwoOfThree(SessionId.random(), dkg, pairKeys(), aux());
        }
        return twoOfThree;
    }

    static byte[] randomHash() {
        byte[] h = new byte[32];
        RND.nextBytes(h);
        return h;
    }

    /**
     * Verifies with BouncyCastle's own {@link ECDSASigner} (independent of libs/crypto and of this package), checks
     * low-S, and checks that public-key recovery with the returned recovery id gives {@code expected}.
     */
    static void assertValid(EcPoint expected, byte[] hash, EcdsaSignature sig) {
        ECDSASigner verifier = new ECDSASigner();
        ECDomainParameters dom = new ECDomainParameters(Secp256k1.PARAMS);
        verifier.init(false, new ECPublicKeyParameters(((Secp256k1Point) expected).bcPoint(), dom));
        assertTrue(verifier.verifySignature(hash, sig.r(), sig.s()), "BouncyCastle ECDSASigner rejects");
        assertTrue(sig.s().compareTo(Secp256k1.HALF_N) <= 0, "high S");
        assertEquals(expected, Ecdsa.recover(hash, sig), "recovered public key");
    }

    static BigInteger order() {
        return Secp256k1.N;
    }
}

package io.openwaas.mpc.zk;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.paillier.PaillierTestKeys;
import java.security.SecureRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** Shared run-time fixtures of the proof tests (keys cached per test JVM). */
final class ZkFixtures {

    static final SecureRandom RND = new SecureRandom();
    static final PartyId PROVER = PartyId.of(1);
    static final PartyId OTHER = PartyId.of(2);
    private static RingPedersenSecret verifierRp;

    private ZkFixtures() {
    }

    /** The prover's Paillier key. */
    static PaillierPrivateKey proverKey() {
        return PaillierTestKeys.key(0);
    }

    /** The verifier's ring-Pedersen parameters (on a second cached Paillier key). */
    static synchronized RingPedersenSecret verifierRp() {
        if (verifierRp == null) {
            verifierRp = RingPedersenSecret.random(PaillierTestKeys.key(1), RND);
        }
        return verifierRp;
    }

    private static java.math.BigInteger[] bitForge;

    /**
     * A BitForge modulus {@code N = p1 ⋯ p16 · q} (CVE-2023-33241): sixteen 15-bit primes and one large prime,
     * at least 2048 bits in all. Returns {@code {N, p1⋯p16, q}}; cached.
     */
    static synchronized java.math.BigInteger[] bitForgeModulus() {
        if (bitForge == null) {
            java.math.BigInteger small = java.math.BigInteger.ONE;
            java.math.BigInteger p = java.math.BigInteger.valueOf(1 << 14);
            for (int i = 0; i < 16; i++) {
                p = p.nextProbablePrime();
                small = small.multiply(p);
            }
            java.math.BigInteger big = java.math.BigInteger.probablePrime(2048 - small.bitLength() + 1, RND);
            bitForge = new java.math.BigInteger[] {small.multiply(big), small, big};
        }
        return bitForge;
    }

    static SessionId session() {
        return SessionId.random();
    }

    /** Encodes with {@code writer} and decodes with {@code reader} inside a throw-away envelope. */
    static <T> T roundTrip(T proof, BiConsumer<T, WireWriter> writer, Function<WireReader, T> reader) {
        WireWriter w = WireWriter.start(0x11FF, 1);
        writer.accept(proof, w);
        WireReader r = WireReader.open(w.toBytes(), 0x11FF, 1);
        T back = reader.apply(r);
        r.finish();
        return back;
    }
}

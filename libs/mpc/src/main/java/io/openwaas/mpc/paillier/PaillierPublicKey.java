package io.openwaas.mpc.paillier;

import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A Paillier public key {@code N} with generator {@code g = N + 1} (Paillier 1999 §3, with the common choice of
 * {@code g} that makes {@code g^m = 1 + mN mod N²}).
 *
 * <p>Plaintexts are integers; they are reduced mod {@code N} ({@code −m} encrypts as {@code N − m}). Homomorphic
 * operations: {@link #add(BigInteger, BigInteger)} ({@code Enc(a)·Enc(b) = Enc(a + b)}) and
 * {@link #multiply(BigInteger, BigInteger)} ({@code Enc(a)^k = Enc(k·a)}, {@code k} may be negative).
 *
 * <p>Wire form (type {@code 0x1001}, version 1): {@code N} as a minimal big integer.
 */
public final class PaillierPublicKey {

    /** Smallest accepted modulus length (issue 4: "a Paillier key of ≥ 2048 bits"). */
    public static final int MIN_MODULUS_BITS = 2048;
    /** Largest accepted modulus length (bounds the work a peer can make us do). */
    public static final int MAX_MODULUS_BITS = 4096;

    static final int WIRE_TYPE = 0x1001;
    static final int WIRE_VERSION = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BigInteger n;
    private final BigInteger nSquared;

    private PaillierPublicKey(BigInteger n) {
        this.n = n;
        this.nSquared = n.multiply(n);
    }

    /**
     * The public key with modulus {@code n}. Checks only the syntactic rules (odd, length within
     * [{@value #MIN_MODULUS_BITS}, {@value #MAX_MODULUS_BITS}] bits); that {@code n} is a Paillier–Blum modulus
     * without small factors is what the proofs of {@code io.openwaas.mpc.zk} establish.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static PaillierPublicKey of(BigInteger n) {
        Objects.requireNonNull(n, "n");
        if (n.bitLength() < MIN_MODULUS_BITS || n.bitLength() > MAX_MODULUS_BITS) {
            throw new IllegalArgumentException("Paillier modulus must have " + MIN_MODULUS_BITS + ".."
                    + MAX_MODULUS_BITS + " bits, got " + n.bitLength());
        }
        if (!n.testBit(0)) {
            throw new IllegalArgumentException("Paillier modulus must be odd");
        }
        return new PaillierPublicKey(n);
    }

    /** The modulus {@code N}. */
    public BigInteger modulus() {
        return n;
    }

    /** {@code N²}. */
    public BigInteger modulusSquared() {
        return nSquared;
    }

    /** Bit length of {@code N}. */
    public int bits() {
        return n.bitLength();
    }

    /** Whether {@code c} is a valid ciphertext: {@code 0 < c < N²} and {@code gcd(c, N) = 1}. */
    public boolean isValidCiphertext(BigInteger c) {
        return c != null && c.signum() > 0 && c.compareTo(nSquared) < 0 && c.gcd(n).equals(BigInteger.ONE);
    }

    /** Whether {@code r} is a valid encryption randomness: {@code 0 < r < N} and {@code gcd(r, N) = 1}. */
    public boolean isUnit(BigInteger r) {
        return r != null && r.signum() > 0 && r.compareTo(n) < 0 && r.gcd(n).equals(BigInteger.ONE);
    }

    /** A uniformly random unit of {@code Z*_N}. */
    public BigInteger randomUnit(SecureRandom rnd) {
        BigInteger r;
        do {
            r = new BigInteger(n.bitLength(), rnd);
        } while (!isUnit(r));
        return r;
    }

    /** {@code Enc(m; r) = (1 + mN)·r^N mod N²} for a unit {@code r}. */
    public BigInteger encrypt(BigInteger m, BigInteger r) {
        if (!isUnit(r)) {
            throw new IllegalArgumentException("encryption randomness must be a unit of Z_N");
        }
        BigInteger gm = BigInteger.ONE.add(m.mod(n).multiply(n)).mod(nSquared);
        return gm.multiply(r.modPow(n, nSquared)).mod(nSquared);
    }

    /** Fresh pre-computable randomness {@code (r, r^N mod N²)} for one later {@link #encrypt(BigInteger, PaillierNoise)}. */
    public PaillierNoise noise(SecureRandom rnd) {
        BigInteger r = randomUnit(rnd);
        return new PaillierNoise(r, r.modPow(n, nSquared));
    }

    /** {@code Enc(m; r) = (1 + mN)·r^N mod N²} with pre-computed {@code r^N} (must come from {@link #noise}). */
    public BigInteger encrypt(BigInteger m, PaillierNoise noise) {
        if (!isUnit(noise.r()) || !isValidCiphertext(noise.rToN())) {
            throw new IllegalArgumentException("noise does not belong to this key");
        }
        return plaintextPart(m).multiply(noise.rToN()).mod(nSquared);
    }

    /** {@code Enc(m)} with fresh randomness. */
    public BigInteger encrypt(BigInteger m) {
        return encrypt(m, randomUnit(RANDOM));
    }

    /** {@code (1 + N)^m mod N² = 1 + (m mod N)·N}: the plaintext part of an encryption, for any integer m. */
    public BigInteger plaintextPart(BigInteger m) {
        return BigInteger.ONE.add(m.mod(n).multiply(n)).mod(nSquared);
    }

    /** {@code Enc(a + b) = c1·c2 mod N²}. */
    public BigInteger add(BigInteger c1, BigInteger c2) {
        return c1.multiply(c2).mod(nSquared);
    }

    /** {@code Enc(k·a) = c^k mod N²}; {@code k} may be negative (the ciphertext is then inverted). */
    public BigInteger multiply(BigInteger c, BigInteger k) {
        return c.modPow(k, nSquared);
    }

    /** Re-randomises a ciphertext: {@code c·r^N mod N²}. */
    public BigInteger rerandomize(BigInteger c, SecureRandom rnd) {
        return c.multiply(randomUnit(rnd).modPow(n, nSquared)).mod(nSquared);
    }

    /** The canonical encoding. */
    public byte[] toBytes() {
        return WireWriter.start(WIRE_TYPE, WIRE_VERSION).writeBigInteger(n).toBytes();
    }

    /** Writes {@code N} into an enclosing encoding. */
    public void write(WireWriter w) {
        w.writeBigInteger(n);
    }

    /** Reads {@code N} from an enclosing encoding and checks it with {@link #of(BigInteger)}. */
    public static PaillierPublicKey read(WireReader r) {
        BigInteger n = r.readBigInteger(MAX_MODULUS_BITS);
        try {
            return of(n);
        } catch (IllegalArgumentException e) {
            throw new io.openwaas.mpc.common.WireFormatException("invalid Paillier modulus: " + e.getMessage());
        }
    }

    /** Decodes {@link #toBytes()}. */
    public static PaillierPublicKey parse(byte[] data) {
        WireReader r = WireReader.open(data, WIRE_TYPE, WIRE_VERSION);
        PaillierPublicKey k = read(r);
        r.finish();
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaillierPublicKey k && k.n.equals(n);
    }

    @Override
    public int hashCode() {
        return n.hashCode();
    }

    @Override
    public String toString() {
        return "PaillierPublicKey[" + n.bitLength() + " bits]";
    }
}

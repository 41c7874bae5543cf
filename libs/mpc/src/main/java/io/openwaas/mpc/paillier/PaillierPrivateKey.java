package io.openwaas.mpc.paillier;

import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A Paillier private key: the factors {@code p, q} of a Paillier–Blum modulus {@code N = pq}
 * ({@code p ≡ q ≡ 3 mod 4}, equal bit lengths, so {@code gcd(N, φ(N)) = 1}).
 *
 * <p>Decryption uses the CRT (Paillier 1999 §7): {@code m_p = L_p(c^{p−1} mod p²)·h_p mod p} with
 * {@code h_p = (−q)^{−1} mod p} for {@code g = N + 1}, likewise mod {@code q}, then CRT. Exponents are blinded
 * with a fresh random multiple of the group order {@code p(p−1)} (see the package documentation).
 *
 * <p>{@link #destroy()} drops every reference to the factors and the values derived from them, after which
 * every secret operation throws. The JVM offers no way to overwrite a {@code BigInteger} in place, so the
 * memory is reclaimed by the garbage collector, not zeroed: a documented limitation, as for
 * {@code SecretScalar#value()}. {@link #toString()} never prints the factors.
 *
 * <p>Wire form (type {@code 0x1002}, version 1): {@code p ‖ q} as minimal big integers. It is key material:
 * tss-service must store it encrypted.
 */
public final class PaillierPrivateKey implements Destroyable {

    static final int WIRE_TYPE = 0x1002;
    static final int WIRE_VERSION = 1;
    private static final int BLINDING_BITS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PaillierPublicKey publicKey;
    private volatile Secrets secrets;

    /** The derived values; dropped on destroy. */
    private record Secrets(BigInteger p, BigInteger q, BigInteger pSquared, BigInteger qSquared,
                           BigInteger hp, BigInteger hq, BigInteger qInvModP, BigInteger phi,
                           BigInteger pOrder, BigInteger qOrder) {
    }

    private PaillierPrivateKey(BigInteger p, BigInteger q) {
        BigInteger n = p.multiply(q);
        this.publicKey = PaillierPublicKey.of(n);
        BigInteger pSquared = p.multiply(p);
        BigInteger qSquared = q.multiply(q);
        BigInteger hp = q.negate().mod(p).modInverse(p);
        BigInteger hq = p.negate().mod(q).modInverse(q);
        BigInteger phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
        this.secrets = new Secrets(p, q, pSquared, qSquared, hp, hq, q.modInverse(p), phi,
                p.multiply(p.subtract(BigInteger.ONE)), q.multiply(q.subtract(BigInteger.ONE)));
    }

    /**
     * Adopts the factors {@code p, q}. They must be distinct probable primes ({@code 2^-100}), both
     * {@code ≡ 3 (mod 4)}, of equal bit length, with {@code N = pq} of at least
     * {@value PaillierPublicKey#MIN_MODULUS_BITS} bits.
     *
     * @throws IllegalArgumentException otherwise (the message never contains the factors)
     */
    public static PaillierPrivateKey of(BigInteger p, BigInteger q) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(q, "q");
        if (p.equals(q)) {
            throw new IllegalArgumentException("Paillier factors must be distinct");
        }
        if (p.bitLength() != q.bitLength()) {
            throw new IllegalArgumentException("Paillier factors must have equal bit length");
        }
        if (!p.testBit(0) || !p.testBit(1) || !q.testBit(0) || !q.testBit(1)) {
            throw new IllegalArgumentException("Paillier factors must be 3 mod 4 (Blum)");
        }
        if (!p.isProbablePrime(100) || !q.isProbablePrime(100)) {
            throw new IllegalArgumentException("Paillier factors must be prime");
        }
        if (p.multiply(q).bitLength() < PaillierPublicKey.MIN_MODULUS_BITS) {
            throw new IllegalArgumentException("Paillier modulus too short");
        }
        return new PaillierPrivateKey(p, q);
    }

    /**
     * A fresh key with an exactly {@code bits}-bit modulus from two {@code bits/2}-bit Blum primes.
     *
     * @param bits modulus length, even, ≥ {@value PaillierPublicKey#MIN_MODULUS_BITS}
     */
    public static PaillierPrivateKey random(int bits, SecureRandom rnd) {
        if (bits < PaillierPublicKey.MIN_MODULUS_BITS || bits > PaillierPublicKey.MAX_MODULUS_BITS
                || bits % 2 != 0) {
            throw new IllegalArgumentException("modulus length must be even and in ["
                    + PaillierPublicKey.MIN_MODULUS_BITS + ", " + PaillierPublicKey.MAX_MODULUS_BITS + "]");
        }
        while (true) {
            BigInteger p = blumPrime(bits / 2, rnd);
            BigInteger q = blumPrime(bits / 2, rnd);
            if (!p.equals(q) && p.multiply(q).bitLength() == bits) {
                return new PaillierPrivateKey(p, q);
            }
        }
    }

    /** A fresh 2048-bit key. */
    public static PaillierPrivateKey random() {
        return random(PaillierPublicKey.MIN_MODULUS_BITS, RANDOM);
    }

    /**
     * A random probable prime ({@code 2^-100}) of exactly {@code bits} bits with its two top bits set (so a product
     * of two has exactly {@code 2·bits} bits) and {@code ≡ 3 (mod 4)}.
     */
    public static BigInteger blumPrime(int bits, SecureRandom rnd) {
        while (true) {
            BigInteger c = BigInteger.probablePrime(bits, rnd);
            if (c.testBit(bits - 2) && c.testBit(1)) {
                return c;
            }
        }
    }

    /** The public key {@code N}. */
    public PaillierPublicKey publicKey() {
        return publicKey;
    }

    private Secrets live() {
        Secrets s = secrets;
        if (s == null) {
            throw new IllegalStateException("Paillier private key destroyed");
        }
        return s;
    }

    /** The factor {@code p} (secret). */
    public BigInteger p() {
        return live().p();
    }

    /** The factor {@code q} (secret). */
    public BigInteger q() {
        return live().q();
    }

    /** {@code φ(N) = (p−1)(q−1)} (secret). */
    public BigInteger phi() {
        return live().phi();
    }

    /** The plaintext of {@code c} in {@code [0, N)}; {@code c} must be a valid ciphertext. */
    public BigInteger decrypt(BigInteger c) {
        if (!publicKey.isValidCiphertext(c)) {
            throw new IllegalArgumentException("not a valid ciphertext for this key");
        }
        Secrets s = live();
        BigInteger expP = s.p().subtract(BigInteger.ONE)
                .add(new BigInteger(BLINDING_BITS, RANDOM).multiply(s.pOrder()));
        BigInteger expQ = s.q().subtract(BigInteger.ONE)
                .add(new BigInteger(BLINDING_BITS, RANDOM).multiply(s.qOrder()));
        BigInteger mp = c.mod(s.pSquared()).modPow(expP, s.pSquared()).subtract(BigInteger.ONE).divide(s.p())
                .multiply(s.hp()).mod(s.p());
        BigInteger mq = c.mod(s.qSquared()).modPow(expQ, s.qSquared()).subtract(BigInteger.ONE).divide(s.q())
                .multiply(s.hq()).mod(s.q());
        return crt(mp, mq, s);
    }

    /** The plaintext as a centred integer in {@code (−N/2, N/2]}. */
    public BigInteger decryptSigned(BigInteger c) {
        BigInteger m = decrypt(c);
        BigInteger n = publicKey.modulus();
        return m.compareTo(n.shiftRight(1)) > 0 ? m.subtract(n) : m;
    }

    /**
     * {@code x} with {@code x ≡ base^eP (mod p)} and {@code x ≡ base^eQ (mod q)}: a modular exponentiation mod
     * {@code N} by the CRT with separate exponents per prime (used by the provers of {@code io.openwaas.mpc.zk}).
     */
    public BigInteger crtPow(BigInteger base, BigInteger eP, BigInteger eQ) {
        Secrets s = live();
        BigInteger xp = base.mod(s.p()).modPow(eP, s.p());
        BigInteger xq = base.mod(s.q()).modPow(eQ, s.q());
        return crt(xp, xq, s);
    }

    /** {@code base^e mod N} by the CRT, reducing {@code e} mod {@code p−1} and {@code q−1} (base a unit). */
    public BigInteger crtPow(BigInteger base, BigInteger e) {
        Secrets s = live();
        return crtPow(base, e.mod(s.p().subtract(BigInteger.ONE)), e.mod(s.q().subtract(BigInteger.ONE)));
    }

    /**
     * {@code base^e mod N²} by the CRT over {@code p²} and {@code q²} (exponent reduced mod {@code p(p−1)} and
     * {@code q(q−1)}; negative exponents allowed for a unit {@code base}): about twice as fast as a direct
     * {@code modPow} mod {@code N²}. For the key owner's own verification work on public values.
     */
    public BigInteger powModNSquared(BigInteger base, BigInteger e) {
        Secrets s = live();
        BigInteger xp = base.mod(s.pSquared()).modPow(e.mod(s.pOrder()), s.pSquared());
        BigInteger xq = base.mod(s.qSquared()).modPow(e.mod(s.qOrder()), s.qSquared());
        // x = xq + q²·((xp − xq)·(q²)^{-1} mod p²)
        BigInteger h = xp.subtract(xq).multiply(s.qSquared().modInverse(s.pSquared())).mod(s.pSquared());
        return xq.add(h.multiply(s.qSquared()));
    }

    private static BigInteger crt(BigInteger xp, BigInteger xq, Secrets s) {
        // x = xq + q·((xp − xq)·q^{-1} mod p)
        BigInteger h = xp.subtract(xq).multiply(s.qInvModP()).mod(s.p());
        return xq.add(h.multiply(s.q()));
    }

    /** The canonical encoding (secret; store encrypted). */
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(WIRE_TYPE, WIRE_VERSION);
        write(w);
        return w.toBytes();
    }

    /** Writes the factors into an enclosing encoding. */
    public void write(WireWriter w) {
        Secrets s = live();
        w.writeBigInteger(s.p()).writeBigInteger(s.q());
    }

    /** Reads what {@link #write(WireWriter)} wrote and re-checks the factors with {@link #of}. */
    public static PaillierPrivateKey read(WireReader r) {
        BigInteger p = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS / 2);
        BigInteger q = r.readBigInteger(PaillierPublicKey.MAX_MODULUS_BITS / 2);
        try {
            return of(p, q);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("invalid Paillier private key: " + e.getMessage());
        }
    }

    /** Decodes {@link #toBytes()}. */
    public static PaillierPrivateKey parse(byte[] data) {
        WireReader r = WireReader.open(data, WIRE_TYPE, WIRE_VERSION);
        PaillierPrivateKey k = read(r);
        r.finish();
        return k;
    }

    @Override
    public void destroy() {
        secrets = null;
    }

    @Override
    public boolean isDestroyed() {
        return secrets == null;
    }

    @Override
    public String toString() {
        return "PaillierPrivateKey[" + publicKey.bits() + " bits, " + (isDestroyed() ? "destroyed" : "redacted")
                + "]";
    }
}

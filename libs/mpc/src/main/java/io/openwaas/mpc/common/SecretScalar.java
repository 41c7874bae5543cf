package io.openwaas.mpc.common;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A secret scalar mod {@code q} (a key share, a polynomial coefficient, a nonce). Stored as a fixed-length
 * big-endian byte array that {@link #destroy()} overwrites with zeros; {@link #toString()} is redacted.
 *
 * <p>Arithmetic uses {@link #value()}, which returns a transient {@link BigInteger}. Java offers no way to
 * zero a {@code BigInteger}; callers keep such temporaries local and short-lived. This is a documented
 * limitation of the JVM, not a guarantee of this class.
 */
public final class SecretScalar implements Destroyable, AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BigInteger order;
    private final byte[] bytes;
    private volatile boolean destroyed;

    private SecretScalar(BigInteger order, byte[] bytes) {
        this.order = order;
        this.bytes = bytes;
    }

    /** The scalar {@code v mod q}. */
    public static SecretScalar of(BigInteger v, BigInteger q) {
        Objects.requireNonNull(v, "value");
        return new SecretScalar(q, Bytes.fixed(v.mod(q), (q.bitLength() + 7) / 8));
    }

    /**
     * Adopts a big-endian encoding that must already be canonical ({@code < q}, exactly the scalar length).
     *
     * @throws IllegalArgumentException otherwise (the message never contains the bytes)
     */
    public static SecretScalar wrap(byte[] bigEndian, BigInteger q) {
        int len = (q.bitLength() + 7) / 8;
        if (bigEndian.length != len) {
            throw new IllegalArgumentException("secret scalar must be " + len + " bytes");
        }
        if (new BigInteger(1, bigEndian).compareTo(q) >= 0) {
            throw new IllegalArgumentException("secret scalar not reduced mod q");
        }
        return new SecretScalar(q, bigEndian.clone());
    }

    /** A uniformly random scalar in {@code [1, q)}. */
    public static SecretScalar random(BigInteger q) {
        return random(q, RANDOM);
    }

    /** A uniformly random scalar in {@code [1, q)} from {@code rnd}. */
    public static SecretScalar random(BigInteger q, SecureRandom rnd) {
        BigInteger v;
        do {
            v = new BigInteger(q.bitLength(), rnd);
        } while (v.signum() == 0 || v.compareTo(q) >= 0);
        return of(v, q);
    }

    /** The group order this scalar lives in. */
    public BigInteger order() {
        return order;
    }

    /** The value as a transient BigInteger. */
    public BigInteger value() {
        checkLive();
        return new BigInteger(1, bytes);
    }

    /** A copy of the fixed-length big-endian encoding; the caller must zero it after use. */
    public byte[] toBytes() {
        checkLive();
        return bytes.clone();
    }

    /** Whether the value is zero. */
    public boolean isZero() {
        checkLive();
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }

    /** {@code this + other mod q}. */
    public SecretScalar add(SecretScalar other) {
        return of(value().add(other.value()), order);
    }

    /** {@code this · k mod q} for a public {@code k}. */
    public SecretScalar multiply(BigInteger k) {
        return of(value().multiply(k), order);
    }

    /** {@code −this mod q}. */
    public SecretScalar negate() {
        return of(value().negate(), order);
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("secret scalar destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    /** Constant-time comparison of values (for tests and consistency checks). */
    public boolean sameValue(SecretScalar other) {
        checkLive();
        return order.equals(other.order) && Bytes.constantTimeEquals(bytes, other.toBytes());
    }

    @Override
    public String toString() {
        return destroyed ? "SecretScalar[destroyed]" : "SecretScalar[redacted]";
    }
}

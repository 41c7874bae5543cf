package io.openwaas.crypto.util;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A secret scalar or key held as bytes, with a redacted {@link #toString()} and a {@link #destroy()} that zeroes it.
 * Java cannot guarantee that no other copy exists ({@link BigInteger} values derived from it are immutable and left to
 * the garbage collector), so keep such derived values short-lived.
 */
public final class Secret implements AutoCloseable {

    private final byte[] bytes;
    private boolean destroyed;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Adopts a copy of {@code bytes}. */
    public static Secret wrap(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    /** A secret holding {@code v} as {@code len} big-endian bytes. */
    public static Secret ofBigEndian(BigInteger v, int len) {
        return new Secret(Bytes.toFixedBE(v, len));
    }

    /** A copy of the secret bytes. */
    public byte[] bytes() {
        check();
        return bytes.clone();
    }

    /** The secret as an unsigned big-endian integer. */
    public BigInteger toBigIntegerBE() {
        check();
        return new BigInteger(1, bytes);
    }

    /** The secret as an unsigned little-endian integer. */
    public BigInteger toBigIntegerLE() {
        check();
        return Bytes.fromLE(bytes);
    }

    /** Length in bytes. */
    public int length() {
        return bytes.length;
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("secret destroyed");
        }
    }

    /** Zeroes the bytes; any later access throws. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    /** Whether {@link #destroy()} was called. */
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}

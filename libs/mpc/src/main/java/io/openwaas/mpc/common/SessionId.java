package io.openwaas.mpc.common;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The unique identifier of one protocol execution ("execution id", threat checklist line 16). It is
 * bound into every transcript hash and every proof, and carried in every message header, so a message
 * or proof from one execution is rejected in another.
 *
 * <p>Between {@value #MIN_LENGTH} and {@value #MAX_LENGTH} bytes. The coordinator (tss-service) chooses
 * it, for example {@link #random()} or a hash of the request id; all parties must be given the same one.
 */
public final class SessionId {

    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private SessionId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Adopts the given bytes (copied) as a session id. */
    public static SessionId wrap(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < MIN_LENGTH || bytes.length > MAX_LENGTH) {
            throw new IllegalArgumentException("session id must be " + MIN_LENGTH + ".." + MAX_LENGTH + " bytes");
        }
        return new SessionId(bytes.clone());
    }

    /** A fresh random 32-byte session id. */
    public static SessionId random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return new SessionId(b);
    }

    /** A copy of the bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionId s && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SessionId[" + Bytes.hex(bytes) + "]";
    }
}

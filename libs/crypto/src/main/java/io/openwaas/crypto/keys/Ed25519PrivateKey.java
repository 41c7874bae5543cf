package io.openwaas.crypto.keys;

import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Ed25519Point;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.util.Bytes;
import io.openwaas.crypto.util.Secret;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * An Ed25519 signing key in expanded form: the secret scalar {@code a} (32 bytes little-endian), the nonce prefix and
 * the public key {@code A = a·B}. Two sources:
 * <ul>
 *   <li>{@link #fromSeed(byte[])}: an RFC 8032 32-byte private key (seed): {@code h = SHA-512(seed)}, {@code a} = the
 *       clamped low half, prefix = the high half;</li>
 *   <li>{@link #fromScalar(BigInteger)}: a raw scalar as exported by MPC wallets (Cobo): no hashing, no clamping; the
 *       nonce prefix is the 32-byte little-endian scalar itself, so nonces are {@code SHA-512(a || M)} (the scheme
 *       of Cobo's {@code ucw-eddsa-signing}); any deterministic secret prefix yields valid signatures.</li>
 * </ul>
 * Redacted {@link #toString()}; {@link #destroy()} zeroes the scalar and prefix.
 */
public final class Ed25519PrivateKey implements AutoCloseable {

    private final Secret scalarLE;
    private final Secret prefix;
    private final Ed25519Point publicKey;
    private final byte[] publicKeyBytes;

    private Ed25519PrivateKey(byte[] scalarLE, byte[] prefix) {
        this.scalarLE = Secret.wrap(scalarLE);
        this.prefix = Secret.wrap(prefix);
        this.publicKey = Ed25519Group.GROUP.mulBaseLE(scalarLE);
        this.publicKeyBytes = publicKey.encode();
        java.util.Arrays.fill(scalarLE, (byte) 0);
        java.util.Arrays.fill(prefix, (byte) 0);
    }

    /** From an RFC 8032 32-byte private key. */
    public static Ed25519PrivateKey fromSeed(byte[] seed32) {
        if (seed32.length != 32) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
        }
        byte[] h = Hashes.sha512(seed32);
        byte[] a = Bytes.slice(h, 0, 32);
        a[0] &= (byte) 248;
        a[31] &= 127;
        a[31] |= 64;
        byte[] p = Bytes.slice(h, 32, 64);
        java.util.Arrays.fill(h, (byte) 0);
        return new Ed25519PrivateKey(a, p);
    }

    /** From a raw secret scalar {@code a} in {@code [1, L-1]} (MPC export format). */
    public static Ed25519PrivateKey fromScalar(BigInteger a) {
        if (a.signum() <= 0 || a.compareTo(Ed25519Group.L) >= 0) {
            throw new IllegalArgumentException("Ed25519 scalar out of range [1, L-1]");
        }
        byte[] le = Bytes.toFixedLE(a, 32);
        return new Ed25519PrivateKey(le, le.clone());
    }

    /** A random RFC 8032 key. */
    public static Ed25519PrivateKey random(SecureRandom rnd) {
        byte[] seed = new byte[32];
        rnd.nextBytes(seed);
        try {
            return fromSeed(seed);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    /** The secret scalar {@code a} (not reduced modulo L for seed keys). */
    public BigInteger scalar() {
        return scalarLE.toBigIntegerLE();
    }

    byte[] scalarBytesLE() {
        return scalarLE.bytes();
    }

    /** The nonce prefix (a copy; secret). */
    public byte[] prefix() {
        return prefix.bytes();
    }

    /** {@code A = a·B}. */
    public Ed25519Point publicKey() {
        return publicKey;
    }

    /** The 32-byte RFC 8032 encoding of {@link #publicKey()}. */
    public byte[] publicKeyBytes() {
        return publicKeyBytes.clone();
    }

    public void destroy() {
        scalarLE.destroy();
        prefix.destroy();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Ed25519PrivateKey[redacted]";
    }
}

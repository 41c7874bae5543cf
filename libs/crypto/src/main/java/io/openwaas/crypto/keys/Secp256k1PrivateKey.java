package io.openwaas.crypto.keys;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.util.Secret;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A whole secp256k1 private key (a scalar in {@code [1, n-1]}). MPC wallets never hold one; it exists for tests,
 * recovery tooling and single-party signing. Redacted {@link #toString()}, {@link #destroy()} zeroes it.
 */
public final class Secp256k1PrivateKey implements AutoCloseable {

    private final Secret secret;
    private volatile Secp256k1Point publicKey;

    private Secp256k1PrivateKey(Secret secret) {
        this.secret = secret;
    }

    /**
     * Adopts a 32-byte big-endian scalar.
     *
     * @throws IllegalArgumentException unless the value is in {@code [1, n-1]}
     */
    public static Secp256k1PrivateKey wrap(byte[] be32) {
        if (be32.length != 32) {
            throw new IllegalArgumentException("secp256k1 private key must be 32 bytes");
        }
        BigInteger d = new BigInteger(1, be32);
        if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("secp256k1 private key out of range");
        }
        return new Secp256k1PrivateKey(Secret.wrap(be32));
    }

    /** A key from a scalar in {@code [1, n-1]}. */
    public static Secp256k1PrivateKey of(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("secp256k1 private key out of range");
        }
        return new Secp256k1PrivateKey(Secret.ofBigEndian(d, 32));
    }

    /** A uniformly random key. */
    public static Secp256k1PrivateKey random(SecureRandom rnd) {
        return of(Secp256k1.GROUP.randomScalar(rnd));
    }

    /** The scalar (a new {@link BigInteger}; keep it short-lived). */
    public BigInteger scalar() {
        return secret.toBigIntegerBE();
    }

    /** The 32-byte big-endian scalar (a copy). */
    public byte[] bytes() {
        return secret.bytes();
    }

    /** {@code d·G}, computed once with the constant-time comb. */
    public Secp256k1Point publicKey() {
        Secp256k1Point p = publicKey;
        if (p == null) {
            p = Secp256k1.GROUP.mulBase(scalar());
            publicKey = p;
        }
        return p;
    }

    public void destroy() {
        secret.destroy();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Secp256k1PrivateKey[redacted]";
    }
}

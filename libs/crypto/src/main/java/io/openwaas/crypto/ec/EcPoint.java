package io.openwaas.crypto.ec;

import java.math.BigInteger;

/**
 * An immutable element of an {@link EcGroup}. Two points are {@code equals} when they are the same group element
 * (same group and same canonical encoding); {@code hashCode} is consistent with that.
 */
public interface EcPoint {

    /** The group this element belongs to. */
    EcGroup group();

    /** {@code this + other}; {@code other} must belong to the same group. */
    EcPoint add(EcPoint other);

    /** {@code this - other}; {@code other} must belong to the same group. */
    EcPoint subtract(EcPoint other);

    /** {@code -this}. */
    EcPoint negate();

    /**
     * {@code k·this}. <b>Variable-time</b> (windowed / wNAF): use it only with <b>public</b> scalars (verification,
     * public derivation, Lagrange coefficients on public points, subgroup checks). For a secret scalar times the
     * generator use {@link EcGroup#mulBase(BigInteger)}.
     *
     * @param k any integer; it is reduced modulo the group order
     */
    EcPoint multiply(BigInteger k);

    /** Whether this is the neutral element. */
    boolean isIdentity();

    /**
     * The canonical encoding: compressed SEC1 (33 bytes) for secp256k1, RFC 8032 (32 bytes) for ed25519.
     *
     * @throws IllegalStateException for the secp256k1 identity, which has no compressed SEC1 encoding (the ed25519
     *     identity encodes as {@code 01 00 … 00})
     */
    byte[] encode();
}

package io.openwaas.crypto.ec;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A cyclic group of prime order {@code q} in which threshold protocols (DKG, FROST, two-party ECDSA) compute:
 * secp256k1 ({@link Secp256k1#GROUP}) or the prime-order subgroup of edwards25519 ({@link Ed25519Group#GROUP}).
 *
 * <p>Scalars are {@link BigInteger}s in {@code [0, q)}; scalar arithmetic is ordinary {@code BigInteger} arithmetic
 * modulo {@link #order()} (variable-time: see the package documentation for the side-channel policy).
 *
 * <p>Encodings follow RFC 9591 section 6: elements are compressed SEC1 (secp256k1, 33 bytes) or RFC 8032 (ed25519,
 * 32 bytes); scalars are 32 bytes big-endian (secp256k1) or little-endian (ed25519).
 */
public interface EcGroup {

    /** {@code "secp256k1"} or {@code "ed25519"}. */
    String name();

    /** The prime order {@code q} of the group (of the generator). */
    BigInteger order();

    /** The standard generator (SEC2 {@code G}, RFC 8032 {@code B}). */
    EcPoint generator();

    /** The neutral element. */
    EcPoint identity();

    /**
     * {@code k·G} for a <b>secret</b> scalar {@code k}: computed with a fixed-base comb (secp256k1, BouncyCastle's
     * {@code FixedPointCombMultiplier}) or a fixed-window table with constant-time lookups (ed25519), so the sequence
     * of field operations does not depend on {@code k}.
     *
     * @param k any integer; it is reduced modulo {@link #order()}
     */
    EcPoint mulBase(BigInteger k);

    /**
     * Decodes a canonical element encoding.
     *
     * @throws IllegalArgumentException (or {@link InvalidPointException}) if the input has the wrong length, is not
     *     canonical, is not on the curve, is the identity, or (ed25519) has small order or is outside the prime-order
     *     subgroup
     */
    EcPoint decode(byte[] encoding);

    /** Length of {@link EcPoint#encode()}: 33 (secp256k1) or 32 (ed25519). */
    int pointLength();

    /** Length of {@link #scalarToBytes(BigInteger)}: 32. */
    int scalarLength();

    /**
     * Decodes a canonical scalar: exactly {@link #scalarLength()} bytes, big-endian for secp256k1 and little-endian for
     * ed25519 (as RFC 9591 {@code DeserializeScalar}).
     *
     * @throws IllegalArgumentException if the length is wrong or the value is not below {@link #order()}
     */
    BigInteger scalarFromBytes(byte[] bytes);

    /**
     * Encodes a scalar in {@code [0, q)} as {@link #scalarLength()} bytes (big-endian for secp256k1, little-endian for
     * ed25519).
     *
     * @throws IllegalArgumentException if {@code k} is negative or not below {@link #order()}
     */
    byte[] scalarToBytes(BigInteger k);

    /** A uniformly random scalar in {@code [1, q-1]} (rejection sampling). */
    BigInteger randomScalar(SecureRandom rnd);
}

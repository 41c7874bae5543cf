/**
 * Prime-order groups for threshold protocols: {@link io.openwaas.crypto.ec.EcGroup} /
 * {@link io.openwaas.crypto.ec.EcPoint} with the implementations {@link io.openwaas.crypto.ec.Secp256k1#GROUP}
 * (BouncyCastle {@code SecP256K1Curve}) and {@link io.openwaas.crypto.ec.Ed25519Group#GROUP} (extended Edwards
 * coordinates over BouncyCastle's public {@code X25519Field}).
 *
 * <h2>Side channels</h2>
 * <ul>
 *   <li>{@code EcGroup.mulBase(k)} is the only operation meant for secret scalars: secp256k1 uses BouncyCastle's
 *       fixed-base comb ({@code FixedPointCombMultiplier}, constant-time table lookups); ed25519 uses a signed radix-16
 *       fixed window over a precomputed table with masked (branch-free) row scans and complete formulas.</li>
 *   <li>{@code EcPoint.multiply(k)}, {@code add}, {@code decode}, {@code encode} and subgroup checks are
 *       variable-time; they are used on public data only (public keys, nonce commitments, public tweaks, Lagrange
 *       coefficients, signature verification).</li>
 *   <li>Scalar arithmetic is {@link java.math.BigInteger} arithmetic modulo the order and is not constant-time; the
 *       JVM offers no constant-time big-integer type. Secret scalars are short-lived and wrapped in classes with a
 *       redacted {@code toString()} and a {@code destroy()} that zeroes their byte copy.</li>
 * </ul>
 */
package io.openwaas.crypto.ec;

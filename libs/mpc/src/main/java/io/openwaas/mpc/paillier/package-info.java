/**
 * The Paillier cryptosystem (P. Paillier, "Public-Key Cryptosystems Based on Composite Degree Residuosity
 * Classes", EUROCRYPT 1999) on {@link java.math.BigInteger}, as two-party ECDSA needs it.
 *
 * <ul>
 *   <li>Moduli are at least {@value io.openwaas.mpc.paillier.PaillierPublicKey#MIN_MODULUS_BITS} bits, the
 *       product of two primes of equal length that are both {@code ≡ 3 (mod 4)} (a Paillier–Blum modulus, so
 *       that the {@code io.openwaas.mpc.zk} modulus proof applies). The generator is {@code g = N + 1}.</li>
 *   <li>Decryption uses the Chinese remainder theorem (Paillier §7) with exponent blinding: each exponent is
 *       lengthened by a fresh random multiple of the group order, which changes neither result nor cost
 *       much, but decorrelates {@code modPow}'s timing from the secret exponent between calls (threat checklist
 *       line 19; {@code BigInteger.modPow} is still not constant-time — documented limitation).</li>
 *   <li>{@link io.openwaas.mpc.paillier.PaillierPrivateKey} is destroyable and never prints its factors.</li>
 *   <li>Ciphertexts are plain {@code BigInteger}s in {@code Z*_{N²}}; every ciphertext from a peer goes
 *       through {@link io.openwaas.mpc.paillier.PaillierPublicKey#isValidCiphertext(java.math.BigInteger)}.</li>
 * </ul>
 */
package io.openwaas.mpc.paillier;

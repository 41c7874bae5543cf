package io.openwaas.crypto.ecdsa;

import io.openwaas.crypto.ec.InvalidPointException;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.util.Bytes;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;

/**
 * secp256k1 ECDSA over a 32-byte message hash: deterministic nonces (RFC 6979 with HMAC-SHA256, BouncyCastle's
 * {@link HMacDSAKCalculator}), low-S output with the matching recovery id, verification and public-key recovery.
 *
 * <p>The nonce point {@code k·G} uses the constant-time comb ({@link Secp256k1#mulBase(BigInteger)}); verification
 * and recovery are variable-time and see public data only.
 */
public final class Ecdsa {

    private static final BigInteger N = Secp256k1.N;

    private Ecdsa() {
    }

    /**
     * Signs a 32-byte hash with RFC 6979 nonces; the result is low-S and carries its recovery id.
     *
     * @throws IllegalArgumentException if the hash is not 32 bytes
     */
    public static EcdsaSignature sign(Secp256k1PrivateKey key, byte[] hash32) {
        requireHash(hash32);
        BigInteger d = key.scalar();
        BigInteger e = new BigInteger(1, hash32);
        HMacDSAKCalculator kc = new HMacDSAKCalculator(new SHA256Digest());
        kc.init(N, d, hash32);
        while (true) {
            BigInteger k = kc.nextK();
            Secp256k1Point rp = Secp256k1.GROUP.mulBase(k);
            ECPoint r1 = rp.bcPoint().normalize();
            BigInteger rx = r1.getAffineXCoord().toBigInteger();
            BigInteger r = rx.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            // BouncyCastle's constant-time safegcd inverse (k is secret), as its own ECDSASigner uses
            BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recId = (r1.getAffineYCoord().testBitZero() ? 1 : 0) | (rx.compareTo(N) >= 0 ? 2 : 0);
            return new EcdsaSignature(r, s, recId).normalizeS();
        }
    }

    /**
     * Verifies {@code sig} over {@code hash32}.
     *
     * @param requireLowS reject {@code s > n/2} (Bitcoin policy, EIP-2); ECDSA itself accepts both
     */
    public static boolean verify(Secp256k1Point publicKey, byte[] hash32, EcdsaSignature sig, boolean requireLowS) {
        requireHash(hash32);
        if (publicKey.isIdentity() || (requireLowS && !sig.isLowS())) {
            return false;
        }
        BigInteger e = new BigInteger(1, hash32);
        BigInteger w = sig.s().modInverse(N);
        BigInteger u1 = e.multiply(w).mod(N);
        BigInteger u2 = sig.r().multiply(w).mod(N);
        ECPoint rp = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.GROUP.generator().bcPoint(), u1,
                publicKey.bcPoint(), u2).normalize();
        if (rp.isInfinity()) {
            return false;
        }
        return rp.getAffineXCoord().toBigInteger().mod(N).equals(sig.r());
    }

    /**
     * Recovers the public key from a signature with a recovery id ({@code Q = r^-1 (s·R - e·G)}).
     *
     * @throws IllegalArgumentException if the recovery id is unknown or no key matches
     */
    public static Secp256k1Point recover(byte[] hash32, EcdsaSignature sig) {
        requireHash(hash32);
        int recId = sig.recoveryId();
        if (recId < 0) {
            throw new IllegalArgumentException("recovery id unknown");
        }
        BigInteger x = sig.r();
        if ((recId & 2) != 0) {
            x = x.add(N);
            if (x.compareTo(Secp256k1.P) >= 0) {
                throw new IllegalArgumentException("r + n is not a field element");
            }
        }
        byte[] enc = Bytes.concat(new byte[] {(byte) ((recId & 1) == 0 ? 2 : 3)}, Bytes.toFixedBE(x, 32));
        Secp256k1Point rPoint;
        try {
            rPoint = Secp256k1.GROUP.decode(enc);
        } catch (InvalidPointException ex) {
            throw new IllegalArgumentException("no curve point for r", ex);
        }
        BigInteger e = new BigInteger(1, hash32);
        BigInteger rInv = sig.r().modInverse(N);
        BigInteger u1 = e.negate().multiply(rInv).mod(N);
        BigInteger u2 = sig.s().multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.GROUP.generator().bcPoint(), u1, rPoint.bcPoint(), u2);
        if (q.isInfinity()) {
            throw new IllegalArgumentException("recovered the point at infinity");
        }
        return Secp256k1.GROUP.wrap(q);
    }

    /** The recovery id (0–3) of {@code sig} for {@code publicKey}, found by trial recovery; -1 if none matches. */
    public static int findRecoveryId(Secp256k1Point publicKey, byte[] hash32, EcdsaSignature sig) {
        for (int i = 0; i < 4; i++) {
            try {
                EcdsaSignature s = new EcdsaSignature(sig.r(), sig.s(), i);
                if (recover(hash32, s).equals(publicKey)) {
                    return i;
                }
            } catch (IllegalArgumentException ignored) {
                // try the next id
            }
        }
        return -1;
    }

    private static void requireHash(byte[] hash32) {
        if (hash32 == null || hash32.length != 32) {
            throw new IllegalArgumentException("message hash must be 32 bytes");
        }
    }
}

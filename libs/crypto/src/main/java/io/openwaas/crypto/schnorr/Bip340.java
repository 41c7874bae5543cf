package io.openwaas.crypto.schnorr;

import io.openwaas.crypto.ec.InvalidPointException;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;
import io.openwaas.crypto.util.Bytes;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/**
 * BIP-340 Schnorr signatures over secp256k1 with 32-byte x-only public keys and 64-byte signatures
 * {@code R.x || s}; messages of any length (as BIP-340 since 2023).
 *
 * <p>Signing computes {@code d·G} and {@code k·G} with the constant-time comb; verification is variable-time.
 */
public final class Bip340 {

    private static final BigInteger N = Secp256k1.N;

    private Bip340() {
    }

    /** The x-only public key of {@code key}. */
    public static byte[] xOnlyPublicKey(Secp256k1PrivateKey key) {
        return key.publicKey().xOnly();
    }

    /**
     * Signs {@code msg} with auxiliary randomness {@code aux32} (32 bytes; all-zero gives deterministic signatures),
     * and checks the result before returning it, as BIP-340 recommends.
     */
    public static byte[] sign(Secp256k1PrivateKey key, byte[] msg, byte[] aux32) {
        if (aux32 == null || aux32.length != 32) {
            throw new IllegalArgumentException("aux_rand must be 32 bytes");
        }
        BigInteger d0 = key.scalar();
        Secp256k1Point p = key.publicKey();
        BigInteger d = p.hasEvenY() ? d0 : N.subtract(d0);
        byte[] px = p.xOnly();
        byte[] t = Bytes.toFixedBE(d, 32);
        byte[] auxHash = Hashes.tagged("BIP0340/aux", aux32);
        for (int i = 0; i < 32; i++) {
            t[i] ^= auxHash[i];
        }
        BigInteger k0 = new BigInteger(1, Hashes.tagged("BIP0340/nonce", t, px, msg)).mod(N);
        java.util.Arrays.fill(t, (byte) 0);
        if (k0.signum() == 0) {
            throw new IllegalStateException("BIP-340 nonce is zero");
        }
        Secp256k1Point r = Secp256k1.GROUP.mulBase(k0);
        BigInteger k = r.hasEvenY() ? k0 : N.subtract(k0);
        byte[] rx = r.xOnly();
        BigInteger e = challenge(rx, px, msg);
        BigInteger s = k.add(e.multiply(d)).mod(N);
        byte[] sig = Bytes.concat(rx, Bytes.toFixedBE(s, 32));
        if (!verifyLifted(p.hasEvenY() ? p : p.negate(), px, msg, sig)) {
            throw new IllegalStateException("BIP-340 signature failed its own verification");
        }
        return sig;
    }

    /** {@code int(hash_BIP0340/challenge(R.x || P.x || m)) mod n}. */
    public static BigInteger challenge(byte[] rx, byte[] px, byte[] msg) {
        return new BigInteger(1, Hashes.tagged("BIP0340/challenge", rx, px, msg)).mod(N);
    }

    /** BIP-340 verification; any malformed input gives {@code false}. */
    public static boolean verify(byte[] pubX32, byte[] msg, byte[] sig64) {
        if (pubX32 == null || pubX32.length != 32 || sig64 == null || sig64.length != 64) {
            return false;
        }
        Secp256k1Point p;
        try {
            p = Secp256k1.GROUP.liftX(pubX32);
        } catch (InvalidPointException e) {
            return false;
        }
        return verifyLifted(p, pubX32, msg, sig64);
    }

    /** Verification with the even-y point {@code p = lift_x(pubX32)} already at hand. */
    private static boolean verifyLifted(Secp256k1Point p, byte[] pubX32, byte[] msg, byte[] sig64) {
        byte[] rx = Bytes.slice(sig64, 0, 32);
        BigInteger r = new BigInteger(1, rx);
        BigInteger s = new BigInteger(1, Bytes.slice(sig64, 32, 64));
        if (r.compareTo(Secp256k1.P) >= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger e = challenge(rx, pubX32, msg);
        ECPoint rp = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.GROUP.generator().bcPoint(), s,
                p.bcPoint(), N.subtract(e)).normalize();
        if (rp.isInfinity() || rp.getAffineYCoord().testBitZero()) {
            return false;
        }
        return rp.getAffineXCoord().toBigInteger().equals(r);
    }
}

package io.openwaas.crypto.eddsa;

import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Ed25519Point;
import io.openwaas.crypto.ec.InvalidPointException;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.crypto.util.Bytes;

import java.math.BigInteger;

/**
 * Ed25519 (RFC 8032, pure, no context) signing and verification on {@link Ed25519Group}.
 *
 * <h2>Verification policy</h2>
 * The same decisions as BouncyCastle 1.83's {@code Ed25519.verify}, checked against all 12 {@code ed25519-speccheck}
 * cases, Wycheproof and random signatures:
 * <ul>
 *   <li>{@code S} must be canonical ({@code S < L}), else reject (speccheck 6, 7);</li>
 *   <li>{@code A} and {@code R} must be canonical encodings of curve points ({@code y < p}, no "negative zero"),
 *       else reject (speccheck 8–11);</li>
 *   <li>{@code A} of small order (including the identity) is rejected (speccheck 0, 1); a small-order {@code R} and
 *       mixed-order {@code A}/{@code R} are accepted if the equation holds (speccheck 2–5);</li>
 *   <li>the equation is the cofactored one of RFC 8032 section 5.1.7, {@code [8][S]B = [8]R + [8][k]A}, with
 *       {@code k = SHA-512(R || A || M)} not pre-multiplied by 8 (speccheck 4 and 5 accepted).</li>
 * </ul>
 * Signing uses the constant-time {@link Ed25519Group#mulBaseLE(byte[])}; scalar arithmetic is {@link BigInteger}.
 */
public final class Ed25519 {

    private static final BigInteger L = Ed25519Group.L;

    private Ed25519() {
    }

    /** RFC 8032 signature {@code R || S} (64 bytes). */
    public static byte[] sign(Ed25519PrivateKey key, byte[] msg) {
        byte[] prefix = key.prefix();
        BigInteger r = Bytes.fromLE(Hashes.sha512(prefix, msg)).mod(L);
        java.util.Arrays.fill(prefix, (byte) 0);
        byte[] rEnc = Ed25519Group.GROUP.mulBaseLE(Bytes.toFixedLE(r, 32)).encode();
        byte[] a = key.publicKeyBytes();
        BigInteger k = Bytes.fromLE(Hashes.sha512(rEnc, a, msg)).mod(L);
        BigInteger s = r.add(k.multiply(key.scalar())).mod(L);
        return Bytes.concat(rEnc, Bytes.toFixedLE(s, 32));
    }

    /** Verification under the policy in the class documentation; malformed input gives {@code false}. */
    public static boolean verify(byte[] publicKey, byte[] msg, byte[] sig) {
        if (publicKey == null || publicKey.length != 32 || sig == null || sig.length != 64) {
            return false;
        }
        BigInteger s = Bytes.fromLE(Bytes.slice(sig, 32, 64));
        if (s.compareTo(L) >= 0) {
            return false;
        }
        Ed25519Point a;
        Ed25519Point r;
        try {
            a = Ed25519Group.GROUP.decodeOnCurve(publicKey, false);
            r = Ed25519Group.GROUP.decodeOnCurve(Bytes.slice(sig, 0, 32), false);
        } catch (InvalidPointException e) {
            return false;
        }
        if (a.isSmallOrder()) {
            return false;
        }
        BigInteger k = Bytes.fromLE(Hashes.sha512(Bytes.slice(sig, 0, 32), publicKey, msg)).mod(L);
        Ed25519Point check = Ed25519Group.GROUP.generator().multiply(s).subtract(a.multiply(k)).subtract(r);
        return check.isSmallOrder();
    }
}

package io.openwaas.crypto.schnorr;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.keys.Secp256k1PrivateKey;

import java.math.BigInteger;

/**
 * BIP-341 output-key tweak: {@code Q = lift_x(P) + t·G} with {@code t = hash_TapTweak(P.x || merkle_root)} (or
 * {@code hash_TapTweak(P.x)} without a script tree: the BIP-86 key path).
 */
public final class Taproot {

    private Taproot() {
    }

    /**
     * The tweaked output key.
     *
     * @param outputKey   32-byte x-only output key Q
     * @param parityOdd   whether Q has odd y (the control-block / signer parity bit)
     * @param tweak       the scalar t
     */
    public record TweakedKey(byte[] outputKey, boolean parityOdd, BigInteger tweak) {
    }

    /** {@code t = int(hash_TapTweak(P.x || merkleRoot))}; {@code merkleRoot} may be null or empty (key path only). */
    public static BigInteger tweak(byte[] internalX32, byte[] merkleRoot) {
        byte[] h = merkleRoot == null || merkleRoot.length == 0
                ? Hashes.tagged("TapTweak", internalX32)
                : Hashes.tagged("TapTweak", internalX32, merkleRoot);
        BigInteger t = new BigInteger(1, h);
        if (t.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("TapTweak hash not below n");
        }
        return t;
    }

    /** The output key for an internal x-only key and optional merkle root. */
    public static TweakedKey tweakPublicKey(byte[] internalX32, byte[] merkleRoot) {
        Secp256k1Point p = Secp256k1.GROUP.liftX(internalX32);
        BigInteger t = tweak(internalX32, merkleRoot);
        Secp256k1Point q = p.add(Secp256k1.GROUP.generator().multiply(t)); // t is public
        if (q.isIdentity()) {
            throw new IllegalArgumentException("tweaked key is the point at infinity");
        }
        return new TweakedKey(q.xOnly(), !q.hasEvenY(), t);
    }

    /**
     * The output key for an internal key given as a point (its y parity is ignored, as BIP-341 lifts the x-only key
     * to even y). Avoids the square root of {@link #tweakPublicKey(byte[], byte[])}.
     */
    public static TweakedKey tweakPublicKey(Secp256k1Point internal, byte[] merkleRoot) {
        Secp256k1Point p = internal.hasEvenY() ? internal : internal.negate();
        byte[] px = p.xOnly();
        BigInteger t = tweak(px, merkleRoot);
        Secp256k1Point q = p.add(Secp256k1.GROUP.generator().multiply(t)); // t is public
        if (q.isIdentity()) {
            throw new IllegalArgumentException("tweaked key is the point at infinity");
        }
        return new TweakedKey(q.xOnly(), !q.hasEvenY(), t);
    }

    /** BIP-341 leaf hash: {@code hash_TapLeaf(leaf_version || compact_size(script) || script)}. */
    public static byte[] leafHash(int leafVersion, byte[] script) {
        byte[] len;
        int n = script.length;
        if (n < 0xfd) {
            len = new byte[] {(byte) n};
        } else if (n <= 0xffff) {
            len = new byte[] {(byte) 0xfd, (byte) n, (byte) (n >>> 8)};
        } else {
            len = new byte[] {(byte) 0xfe, (byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)};
        }
        return Hashes.tagged("TapLeaf", new byte[] {(byte) leafVersion}, len, script);
    }

    /** BIP-341 branch hash: {@code hash_TapBranch(min(a, b) || max(a, b))} (lexicographic order). */
    public static byte[] branchHash(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b) <= 0 ? Hashes.tagged("TapBranch", a, b)
                : Hashes.tagged("TapBranch", b, a);
    }

    /** The private key of the tweaked output key (for single-key signing of a key-path spend). */
    public static Secp256k1PrivateKey tweakPrivateKey(Secp256k1PrivateKey key, byte[] merkleRoot) {
        Secp256k1Point p = key.publicKey();
        BigInteger d = p.hasEvenY() ? key.scalar() : Secp256k1.N.subtract(key.scalar());
        BigInteger t = tweak(p.xOnly(), merkleRoot);
        return Secp256k1PrivateKey.of(d.add(t).mod(Secp256k1.N));
    }
}

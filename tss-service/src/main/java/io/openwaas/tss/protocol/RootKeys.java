package io.openwaas.tss.protocol;

import io.openwaas.crypto.ec.Ed25519Point;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.hd.Bip32Version;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.platform.events.tss.TssCurve;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Root extended public keys of threshold keys, and HD tweaks under them. The chain code of a new key is
 * {@code SHA-256("openwaas/tss/chain-code/v1" ‖ curve ‖ key id of the DKG)}: unpredictable before the DKG, the same at
 * every holder. A reshare keeps the chain code (it comes from the root key the request names), so the root extended
 * public key — and every address — never changes.
 */
public final class RootKeys {

    private RootKeys() {
    }

    static byte[] chainCode(TssCurve curve, byte[] keyId) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update("openwaas/tss/chain-code/v1".getBytes(StandardCharsets.US_ASCII));
            d.update(curve.name().getBytes(StandardCharsets.US_ASCII));
            d.update(keyId);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code xpub…} (BIP-32, mainnet version bytes) or Cobo {@code cpub…}. */
    static String serialize(TssCurve curve, EcPoint publicKey, byte[] chainCode) {
        return switch (curve) {
            case SECP256K1 -> ExtendedPublicKey.root(Bip32Version.XPUB, (Secp256k1Point) publicKey, chainCode).serialize();
            case ED25519 -> Ed25519ExtendedPublicKey.root((Ed25519Point) publicKey, chainCode).serialize();
        };
    }

    /** The public key inside a root extended public key. */
    public static byte[] publicKey(TssCurve curve, String root) {
        return switch (curve) {
            case SECP256K1 -> ExtendedPublicKey.parse(root).publicKey().encode();
            case ED25519 -> Ed25519ExtendedPublicKey.parse(root).publicKey().encode();
        };
    }

    /** The curve of a root extended public key, from its prefix. */
    public static TssCurve curveOf(String root) {
        if (root != null && root.startsWith("cpub")) {
            return TssCurve.ED25519;
        }
        return TssCurve.SECP256K1;
    }

    /**
     * The additive tweak {@code t} of a non-hardened path under the root ({@code child = root + t·G});
     * {@code m} or an empty path is 0. A hardened index cannot be derived from public data and is refused.
     */
    static BigInteger tweak(TssCurve curve, String root, String path) {
        if (path == null || path.isEmpty() || path.equals("m")) {
            return BigInteger.ZERO;
        }
        DerivationPath p = DerivationPath.parse(path);
        if (!p.isPublic()) {
            throw new IllegalArgumentException("path " + path + " has a hardened index: threshold keys sign only "
                    + "under non-hardened paths");
        }
        return switch (curve) {
            case SECP256K1 -> ExtendedPublicKey.parse(root).deriveWithTweak(p).tweak();
            case ED25519 -> Ed25519ExtendedPublicKey.parse(root).deriveWithTweak(p).tweak();
        };
    }
}

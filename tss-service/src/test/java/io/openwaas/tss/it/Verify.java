package io.openwaas.tss.it;

import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.params.MainNetParams;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Verification outside the code under test: BIP-32 child keys by bitcoinj, ECDSA and Ed25519 by BouncyCastle, and
 * BIP-340 written out here from the BIP on BouncyCastle's curve arithmetic.
 */
final class Verify {

    static final HexFormat HEX = HexFormat.of();
    private static final X9ECParameters K1 = CustomNamedCurves.getByName("secp256k1");

    private Verify() {
    }

    /** The compressed public key at {@code path} (non-hardened) under an xpub, derived by bitcoinj. */
    static byte[] bip32Child(String xpub, String path) {
        DeterministicKey key = DeterministicKey.deserializeB58(xpub, MainNetParams.get());
        if (!path.equals("m")) {
            for (String part : path.substring(2).split("/")) {
                key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(Integer.parseInt(part), false));
            }
        }
        return key.getPubKey();
    }

    static boolean ecdsa(byte[] compressedKey, byte[] hash, byte[] rs) {
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(K1.getCurve().decodePoint(compressedKey),
                new ECDomainParameters(K1.getCurve(), K1.getG(), K1.getN(), K1.getH())));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
        return s.compareTo(K1.getN().shiftRight(1)) <= 0
                && v.verifySignature(hash, new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)), s);
    }

    static boolean ed25519(byte[] key, byte[] message, byte[] signature) {
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, new Ed25519PublicKeyParameters(key, 0));
        v.update(message, 0, message.length);
        return v.verifySignature(signature);
    }

    /** BIP-340 verification as the BIP specifies it. */
    static boolean bip340(byte[] xOnlyKey, byte[] message, byte[] sig) {
        BigInteger p = K1.getCurve().getField().getCharacteristic();
        BigInteger n = K1.getN();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        if (r.compareTo(p) >= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        byte[] compressed = new byte[33];
        compressed[0] = 2;
        System.arraycopy(xOnlyKey, 0, compressed, 1, 32);
        ECPoint pk = K1.getCurve().decodePoint(compressed);
        BigInteger e = new BigInteger(1, taggedHash("BIP0340/challenge",
                io.openwaas.crypto.util.Bytes.concat(Arrays.copyOfRange(sig, 0, 32), xOnlyKey, message))).mod(n);
        ECPoint big = K1.getG().multiply(s).subtract(pk.multiply(e)).normalize();
        return !big.isInfinity() && !big.getAffineYCoord().toBigInteger().testBit(0)
                && big.getAffineXCoord().toBigInteger().equals(r);
    }

    private static byte[] taggedHash(String tag, byte[] data) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] t = d.digest(tag.getBytes(StandardCharsets.UTF_8));
            d.update(t);
            d.update(t);
            return d.digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

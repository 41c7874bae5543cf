package io.openwaas.bench.tss;

import com.fasterxml.jackson.databind.JsonNode;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.crypto.schnorr.Bip340;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks one returned signature before it counts: it is for the requested message and path, its public key is the
 * child the root key derives at that path (libs/crypto HD derivation: compressed for ECDSA, x-only for Schnorr,
 * 32 bytes for EdDSA), and it verifies — ECDSA (low s) and Ed25519 with BouncyCastle, BIP-340 with
 * {@code io.openwaas.crypto.schnorr.Bip340.verify}.
 */
final class SignatureCheck {

    private static final HexFormat HEX = HexFormat.of();
    private static final X9ECParameters K1 = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters K1_DOMAIN = new ECDomainParameters(K1.getCurve(), K1.getG(), K1.getN(),
            K1.getH());

    private SignatureCheck() {
    }

    /** Null when the signature is good, else why not. */
    static String problem(String signatureType, String rootPubKey, String path, String msgHex, JsonNode signatures) {
        try {
            if (signatures == null || !signatures.isArray() || signatures.size() != 1) {
                return "expected exactly 1 signature, got " + signatures;
            }
            JsonNode s = signatures.get(0);
            if (!msgHex.equalsIgnoreCase(s.path("msg_hash").asText())) {
                return "signature for another message " + s.path("msg_hash").asText();
            }
            if (!path.equals(s.path("bip32_path").asText())) {
                return "signature for another path " + s.path("bip32_path").asText();
            }
            byte[] pub = HEX.parseHex(s.path("public_key").asText());
            byte[] sig = HEX.parseHex(s.path("signature").asText());
            byte[] msg = HEX.parseHex(msgHex);
            if (sig.length != 64) {
                return "signature is " + sig.length + " bytes, not 64";
            }
            DerivationPath dp = DerivationPath.parse(path);
            switch (signatureType) {
                case "ECDSA" -> {
                    byte[] child = ExtendedPublicKey.parse(rootPubKey).derive(dp).publicKey().encode();
                    if (!Arrays.equals(child, pub)) {
                        return "public key " + HEX.formatHex(pub) + " is not the child " + HEX.formatHex(child);
                    }
                    return ecdsa(pub, msg, sig) ? null : "ECDSA signature does not verify (BouncyCastle, low s)";
                }
                case "Schnorr" -> {
                    byte[] child = ExtendedPublicKey.parse(rootPubKey).derive(dp).publicKey().encode();
                    if (!Arrays.equals(Arrays.copyOfRange(child, 1, 33), pub)) {
                        return "x-only key " + HEX.formatHex(pub) + " is not the child " + HEX.formatHex(child);
                    }
                    return Bip340.verify(pub, msg, sig) ? null : "BIP-340 signature does not verify";
                }
                case "EdDSA" -> {
                    byte[] child = Ed25519ExtendedPublicKey.parse(rootPubKey).derive(dp).publicKey().encode();
                    if (!Arrays.equals(child, pub)) {
                        return "public key " + HEX.formatHex(pub) + " is not the child " + HEX.formatHex(child);
                    }
                    return ed25519(pub, msg, sig) ? null : "Ed25519 signature does not verify (BouncyCastle)";
                }
                default -> {
                    return "unknown signature type " + signatureType;
                }
            }
        } catch (RuntimeException e) {
            return "unreadable signature: " + e;
        }
    }

    static boolean ecdsa(byte[] compressedKey, byte[] hash, byte[] rs) {
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
        if (s.compareTo(K1.getN().shiftRight(1)) > 0) {
            return false;
        }
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(K1.getCurve().decodePoint(compressedKey), K1_DOMAIN));
        return v.verifySignature(hash, r, s);
    }

    static boolean ed25519(byte[] key, byte[] message, byte[] signature) {
        Ed25519Signer v = new Ed25519Signer();
        v.init(false, new Ed25519PublicKeyParameters(key, 0));
        v.update(message, 0, message.length);
        return v.verifySignature(signature);
    }
}

package io.openwaas.platform.auth;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Cobo's response and webhook signature (reference §1.5, §3.9): Ed25519 over
 * SHA-256(SHA-256(body + "|" + timestamp)), hex-encoded. The platform signs with its own key.
 */
public final class ResponseSignature {

    /** Header spellings read by the SDKs: Java (underscores) and Python/Go (hyphens). Both are always sent. */
    public static final String TIMESTAMP_UNDERSCORE = "BIZ_TIMESTAMP";
    public static final String SIGNATURE_UNDERSCORE = "BIZ_RESP_SIGNATURE";
    public static final String TIMESTAMP_HYPHEN = "BIZ-TIMESTAMP";
    public static final String SIGNATURE_HYPHEN = "BIZ-RESP-SIGNATURE";

    private static final HexFormat HEX = HexFormat.of();

    private final Ed25519PrivateKeyParameters key;
    private final String publicKeyHex;

    private ResponseSignature(Ed25519PrivateKeyParameters key) {
        this.key = key;
        this.publicKeyHex = HEX.formatHex(key.generatePublicKey().getEncoded());
    }

    /** Adopts a 32-byte Ed25519 seed given as 64 hex characters. */
    public static ResponseSignature fromSeedHex(String seedHex) {
        byte[] seed = HEX.parseHex(seedHex.trim());
        if (seed.length != 32) {
            throw new IllegalArgumentException("response signing key must be a 32-byte Ed25519 seed (64 hex chars)");
        }
        try {
            return new ResponseSignature(new Ed25519PrivateKeyParameters(seed, 0));
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    public String publicKeyHex() {
        return publicKeyHex;
    }

    /** Hex signature of {@code body|timestamp}. */
    public String sign(byte[] body, String timestamp) {
        byte[] digest = digest(body, timestamp);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(digest, 0, digest.length);
        return HEX.formatHex(signer.generateSignature());
    }

    /** Verifies a response or webhook signature against a public key (hex). */
    public static boolean verify(String publicKeyHex, byte[] body, String timestamp, String signatureHex) {
        try {
            byte[] sig = HEX.parseHex(signatureHex);
            byte[] digest = digest(body, timestamp);
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(HEX.parseHex(publicKeyHex), 0));
            verifier.update(digest, 0, digest.length);
            return verifier.verifySignature(sig);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static byte[] digest(byte[] body, String timestamp) {
        byte[] suffix = ("|" + timestamp).getBytes(StandardCharsets.UTF_8);
        byte[] text = new byte[body.length + suffix.length];
        System.arraycopy(body, 0, text, 0, body.length);
        System.arraycopy(suffix, 0, text, body.length, suffix.length);
        return CoboAuthMessage.digest(text);
    }

    @Override
    public String toString() {
        return "ResponseSignature[publicKey=" + publicKeyHex + "]";
    }
}

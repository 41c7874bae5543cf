package io.openwaas.platform.auth;

import io.openwaas.platform.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The platform's response-signing key, loaded once from configuration. */
@ApplicationScoped
public class ResponseSigner {

    private final ResponseSignature signature;

    public ResponseSigner(AuthConfig config) {
        this.signature = ResponseSignature.fromSeedHex(config.responseSigningKey());
    }

    public String sign(byte[] body, String timestamp) {
        return signature.sign(body, timestamp);
    }

    public String publicKeyHex() {
        return signature.publicKeyHex();
    }
}

package io.openwaas.platform.auth;

import io.openwaas.platform.config.AuthConfig;
import io.openwaas.platform.config.SecretFile;
import jakarta.enterprise.context.ApplicationScoped;

/** The platform's response-signing key, loaded once from configuration (a 0600 file, or an inline value). */
@ApplicationScoped
public class ResponseSigner {

    private final ResponseSignature signature;

    public ResponseSigner(AuthConfig config) {
        this.signature = SecretFile.fileOrValue(config.responseSigningKeyFile(), config.responseSigningKey(),
                "openwaas.auth.response-signing-key").map(ResponseSignature::fromSeedHex).orElse(null);
    }

    /** Whether a response-signing key is configured. */
    public boolean enabled() {
        return signature != null;
    }

    public String sign(byte[] body, String timestamp) {
        if (signature == null) {
            throw new IllegalStateException("no response-signing key configured (openwaas.auth.response-signing-key)");
        }
        return signature.sign(body, timestamp);
    }

    public String publicKeyHex() {
        return signature == null ? null : signature.publicKeyHex();
    }
}

package io.openwaas.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Cobo Auth and response signing ({@code openwaas.auth.*}). */
@ConfigMapping(prefix = "openwaas.auth")
public interface AuthConfig {

    /**
     * The platform's Ed25519 response-signing key: a 32-byte seed as 64 hex characters (env
     * {@code OPENWAAS_AUTH_RESPONSE_SIGNING_KEY}; a Kubernetes Secret in deploy). Every response is signed with it.
     * Every service with a client API sets it; a service without one (a TSS node) leaves it out and its responses
     * go unsigned. Prefer {@link #responseSigningKeyFile()}: an environment value is visible to other local users.
     */
    java.util.Optional<String> responseSigningKey();

    /** A file (mode 0600) holding the response-signing seed (64 hex characters); wins over the inline value. */
    java.util.Optional<String> responseSigningKeyFile();

    /** How far a request nonce (ms timestamp) may be from server time. */
    @WithDefault("PT5M")
    Duration nonceWindow();

    /**
     * The operator API's paths: a resource at or below one of them must be {@code @RolesAllowed} (operator JWT).
     * Every other resource path needs Cobo Auth ({@link io.openwaas.platform.auth.CoboAuth}); health and metrics
     * are not resources and stay open. Matched against the normalised path, on segment boundaries.
     */
    @WithDefault("/admin")
    List<String> operatorPaths();

    /**
     * How long the view of {@code iam.api-keys} may go without hearing from the broker before readiness reports
     * DOWN (it checks about every 2 s, so this is several failed checks).
     */
    @WithDefault("15s")
    Duration registryStaleAfter();

    /** Whether this service keeps a local view of {@code iam.api-keys} (every API service does). */
    @WithDefault("true")
    boolean registryEnabled();
}

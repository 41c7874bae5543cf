package io.openwaas.platform.health;

import io.openwaas.platform.auth.ApiKeyRegistry;
import io.openwaas.platform.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the local view of {@code iam.api-keys} has caught up (before that, valid keys would be refused) and
 * still hears from the broker (without it, revocations would not arrive).
 */
@Readiness
@ApplicationScoped
public class ApiKeyRegistryReadiness implements HealthCheck {

    private final ApiKeyRegistry registry;
    private final AuthConfig config;

    public ApiKeyRegistryReadiness(ApiKeyRegistry registry, AuthConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = !config.registryEnabled() || registry.fresh();
        return HealthCheckResponse.named("api-key-registry").status(up).build();
    }
}

package io.openwaas.wallet.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the {@code tss.nodes} view has caught up: before that, groups naming real nodes would be refused. */
@Readiness
@ApplicationScoped
public class TssNodeViewReadiness implements HealthCheck {

    private final TssNodeView nodes;

    public TssNodeViewReadiness(TssNodeView nodes) {
        this.nodes = nodes;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("tss-node-view").status(nodes.caughtUp()).build();
    }
}

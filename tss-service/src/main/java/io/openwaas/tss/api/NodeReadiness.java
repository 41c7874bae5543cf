package io.openwaas.tss.api;

import io.openwaas.tss.node.Node;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the node knows its peers and follows {@code tss.peer} and {@code tss.requests}. */
@Readiness
@ApplicationScoped
public class NodeReadiness implements HealthCheck {

    private final Node node;

    public NodeReadiness(Node node) {
        this.node = node;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("tss-node").status(node.ready()).build();
    }
}

package io.openwaas.transaction.chain;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN while a follower's node is another chain than the catalogue says (its deposits would be credited
 * to the wrong chain). A node that does not answer is reported (last error, last block) but leaves readiness UP: the
 * API keeps serving and the follower catches up when the node is back.
 */
@Readiness
@ApplicationScoped
public class ChainFollowerReadiness implements HealthCheck {

    private final ChainFollower follower;

    public ChainFollowerReadiness(ChainFollower follower) {
        this.follower = follower;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("chain followers").up();
        follower.states().forEach((chain, s) -> {
            if (s.wrongChain()) {
                b.down();
            }
            b.withData(chain, (s.lastBlock() == null ? "no block yet" : "block " + s.lastBlock())
                    + (s.lastError() == null ? "" : ", " + s.lastError()));
        });
        return b.build();
    }
}

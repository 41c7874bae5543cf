package io.openwaas.tsscallback.server.api;

import io.openwaas.tsscallback.server.domain.CallbackKeys;
import io.openwaas.tsscallback.server.domain.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the keys and rules are loaded (they are, or the start failed); reports the number of node keys, the
 * rules file, and whether its last change was refused.
 */
@Readiness
@ApplicationScoped
public class RulesReadiness implements HealthCheck {

    private final CallbackKeys keys;
    private final RuleBook ruleBook;

    public RulesReadiness(CallbackKeys keys, RuleBook ruleBook) {
        this.keys = keys;
        this.ruleBook = ruleBook;
    }

    @Override
    public HealthCheckResponse call() {
        ruleBook.current();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("callback-rules").up()
                .withData("node_keys", keys.nodeKeys().size())
                .withData("rules_file", ruleBook.file().toString());
        String error = ruleBook.reloadError();
        if (error != null) {
            builder.withData("rules_reload_error", error);
        }
        return builder.build();
    }
}

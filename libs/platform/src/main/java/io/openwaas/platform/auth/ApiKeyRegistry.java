package io.openwaas.platform.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.config.AuthConfig;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.kafka.CompactedTopicView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * This service's local view of the compacted topic {@code iam.api-keys}: API key → organisation, scopes, status.
 * Every service verifies requests against it, so no service calls another to authenticate.
 *
 * <p>A {@link CompactedTopicView} reads the topic from the beginning on its own thread (no consumer group, no
 * rebalance waits), then follows it with short polls, so a revocation reaches every service within a poll interval
 * of its publication. The view is {@linkplain #caughtUp() caught up} once it has read up to the end offsets it saw
 * at start; readiness reports that, and goes DOWN again when the view has not heard from the broker for
 * {@code openwaas.auth.registry-stale-after} (its consumer keeps failing, the broker is gone: revocations could not
 * arrive). Newer versions of a key replace older ones; a tombstone removes the key, and so does a record that cannot be
 * parsed (fail closed: an unreadable revocation must not leave the key usable). Only records signed by an API-key
 * issuer (wallet-service) under its pinned key reach the view ({@link ControlRecords}); anything else — a key
 * registered, changed or removed by someone else with access to the broker — is refused and changes nothing.
 */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);

    private final AuthConfig config;
    private final CompactedTopicView<ApiKeyRecord> view;

    public ApiKeyRegistry(ObjectMapper mapper, AuthConfig config, ControlRecords control,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "quarkus.application.name", defaultValue = "openwaas") String applicationName) {
        this.config = config;
        this.view = new CompactedTopicView<>(Topics.IAM_API_KEYS, bootstrapServers, applicationName + "-api-key-registry",
                r -> {
                    String apiKey = r.key();
                    ApiKeyRecord record = mapper.readValue(r.value(), ApiKeyRecord.class);
                    if (!apiKey.equals(record.apiKey())) {
                        LOG.warnf("ignoring iam.api-keys record whose key %s differs from its api_key", apiKey);
                        return null;
                    }
                    return record;
                },
                (old, neu) -> neu.version() >= old.version() ? neu : old, CompactedTopicView.Refused.REMOVES_KEY,
                r -> control.admit(r).admitted());
    }

    void start(@Observes StartupEvent event) {
        if (config.registryEnabled()) {
            view.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        view.stop();
    }

    /** The key's current record, if the view has one (active or revoked). */
    public Optional<ApiKeyRecord> find(String apiKey) {
        return view.find(apiKey);
    }

    /** Whether the view has read everything that was on the topic when the service started. */
    public boolean caughtUp() {
        return view.caughtUp();
    }

    /**
     * Whether the view has caught up and heard from the broker within {@code openwaas.auth.registry-stale-after}.
     */
    public boolean fresh() {
        return view.fresh(config.registryStaleAfter());
    }

}

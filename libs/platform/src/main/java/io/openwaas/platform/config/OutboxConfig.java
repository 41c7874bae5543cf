package io.openwaas.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The transactional outbox relay ({@code openwaas.outbox.*}). */
@ConfigMapping(prefix = "openwaas.outbox")
public interface OutboxConfig {

    /** Whether this service runs the outbox relay. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay waits after a round that found nothing to publish. */
    @WithDefault("PT0.1S")
    Duration pollInterval();

    /** Events published per relay round. */
    @WithDefault("200")
    int batchSize();

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /wallet-service}. */
    Optional<String> source();
}

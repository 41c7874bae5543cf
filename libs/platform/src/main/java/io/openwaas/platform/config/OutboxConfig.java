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

    /**
     * Failed sends after which a row the broker refuses for itself (a non-retriable error, e.g. a record too large)
     * is dead-lettered: never sent again, and every later row of its key held. Failures of the broker as a whole
     * (unreachable, timeouts) retry with the backoff for as long as they last and never dead-letter.
     */
    @WithDefault("10")
    int maxAttempts();

    /** Wait before the first retry of a failed row; doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    /** The longest wait between two attempts of a row. */
    @WithDefault("PT5M")
    Duration maxBackoff();

    /** How long a published outbox row is kept before the purge deletes it. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * How long an inbox row (a consumed event id) is kept: a redelivery older than this is no longer recognised, so
     * keep it longer than the topics' retention a consumer could re-read.
     */
    @WithDefault("P7D")
    Duration inboxRetention();

    /** How often the purge of published outbox and old inbox rows runs ({@code off} disables it). */
    @WithDefault("1h")
    String purgeEvery();
}

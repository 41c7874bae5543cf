package io.openwaas.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * An event waiting to be published, written in the same database transaction as the state change it describes
 * (table {@code outbox_event}). The relay publishes the rows of a key in {@code seq} order and stamps
 * {@code published_at}; see {@link OutboxRelay} for retries and dead letters.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Publication order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The CloudEvents {@code id}: consumers' idempotency key. */
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** Kafka record key: the aggregate id (or the API key on iam.api-keys). */
    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String subject;

    @Column(name = "org_id")
    public String orgId;

    /** Monotonic per aggregate. */
    @Column(nullable = false)
    public long sequence;

    /** The event data: JSON text. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "published_at")
    public Long publishedAt;

    /** Sends tried (a published row's last one succeeded). */
    @Column(nullable = false)
    public int attempts;

    /** The error of the last failed send. */
    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    /** After a failed send: not before this time (ms). */
    @Column(name = "next_attempt_at")
    public Long nextAttemptAt;

    /** Set when the relay gave up on the row: it is never sent again and holds the later rows of its key. */
    @Column(name = "dead_lettered_at")
    public Long deadLetteredAt;
}

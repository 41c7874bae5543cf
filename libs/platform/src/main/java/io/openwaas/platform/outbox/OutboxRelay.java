package io.openwaas.platform.outbox;

import io.openwaas.platform.config.OutboxConfig;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.signing.ControlRecords;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes outbox rows to Kafka as CloudEvents in binary mode (attributes in {@code ce_*} headers), through the
 * channel {@code outbox-out} (acks=all, idempotent producer). A round locks the oldest unpublished rows
 * ({@code FOR UPDATE SKIP LOCKED}, so replicas never send the same row), sends them, waits for the broker's
 * acknowledgements and stamps the acknowledged rows in the same transaction. Rows not acknowledged (broker down)
 * stay unpublished and go out in a later round — nothing is lost; a row is sent twice only if the process dies
 * between the acknowledgement and the commit, which consumers absorb by event id.
 *
 * <p>The relay loops on its own Vert.x context: after a round that published something it goes again at once,
 * otherwise it waits {@code openwaas.outbox.poll-interval} (default 100 ms), so an event is typically on Kafka
 * within a fraction of a second of its commit.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    public static final String CHANNEL = "outbox-out";

    private static final String SELECT = "SELECT seq, event_id, topic, event_key, event_type, source, subject, org_id, "
            + "sequence, payload, created_at FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT $1 "
            + "FOR UPDATE SKIP LOCKED";
    /** One statement stamps a round: every row sent gets an attempt, the acknowledged ones their publication time. */
    private static final String STAMP = "UPDATE outbox_event SET attempts = attempts + 1, "
            + "published_at = CASE WHEN seq = ANY($2) THEN $1 ELSE published_at END WHERE seq = ANY($3)";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final ControlRecords control;
    private final io.vertx.core.Vertx vertx;
    private volatile boolean running;
    private Context context;
    /** True while the loop waits for its timer (between rounds). */
    private final java.util.concurrent.atomic.AtomicBoolean idle = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set by {@link #wake()}; the loop goes again at once instead of waiting. */
    private final java.util.concurrent.atomic.AtomicBoolean wakeRequested = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long timerId = -1;

    public OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxConfig config,
                       ControlRecords control, io.vertx.core.Vertx vertx) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.control = control;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> round());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void round() {
        if (!running) {
            return;
        }
        relayOnce().subscribe().with(
                published -> next(published > 0 ? 0 : config.pollInterval().toMillis()),
                failure -> {
                    LOG.warnf("outbox relay round failed: %s", failure.getMessage());
                    next(Math.max(1000, config.pollInterval().toMillis()));
                });
    }

    private void next(long delayMillis) {
        if (!running) {
            return;
        }
        if (delayMillis <= 0 || wakeRequested.getAndSet(false)) {
            context.runOnContext(v -> round());
            return;
        }
        idle.set(true);
        timerId = vertx.setTimer(delayMillis, id -> {
            if (idle.compareAndSet(true, false)) {
                context.runOnContext(v -> round());
            }
        });
    }

    /**
     * Asks for a round now rather than after the poll interval: call it after committing a transaction that appended
     * events whose latency matters (e.g. a signature result). Safe from any thread; a no-op when the relay is off.
     */
    public void wake() {
        if (!running) {
            return;
        }
        wakeRequested.set(true);
        if (idle.compareAndSet(true, false)) {
            wakeRequested.set(false);
            vertx.cancelTimer(timerId);
            context.runOnContext(v -> round());
        }
    }

    /**
     * One relay round in one transaction on the reactive SQL client (a round is two statements and the sends: the
     * relay runs all the time, so it does without the ORM's per-row work); the number of events published.
     */
    public Uni<Integer> relayOnce() {
        return pool.withTransaction(conn -> conn.preparedQuery(SELECT).execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<OutboxEvent> events = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        events.add(event(r));
                    }
                    return events.isEmpty() ? Uni.createFrom().item(0) : publish(conn, events);
                }));
    }

    private Uni<Integer> publish(SqlConnection conn, List<OutboxEvent> events) {
        List<Uni<Boolean>> sends = new ArrayList<>(events.size());
        for (OutboxEvent e : events) {
            sends.add(send(e));
        }
        return Uni.join().all(sends).andFailFast().chain(results -> {
            Long[] sent = new Long[events.size()];
            List<Long> acknowledged = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                sent[i] = events.get(i).seq;
                if (Boolean.TRUE.equals(results.get(i))) {
                    acknowledged.add(sent[i]);
                }
            }
            return conn.preparedQuery(STAMP)
                    .execute(Tuple.of(System.currentTimeMillis(), acknowledged.toArray(Long[]::new), sent))
                    .replaceWith(acknowledged.size());
        });
    }

    private static OutboxEvent event(Row r) {
        OutboxEvent e = new OutboxEvent();
        e.seq = r.getLong("seq");
        e.eventId = r.getUUID("event_id");
        e.topic = r.getString("topic");
        e.eventKey = r.getString("event_key");
        e.type = r.getString("event_type");
        e.source = r.getString("source");
        e.subject = r.getString("subject");
        e.orgId = r.getString("org_id");
        e.sequence = r.getLong("sequence");
        e.payload = r.getString("payload");
        e.createdAt = r.getLong("created_at");
        return e;
    }

    /**
     * The producer's signature headers (libs/platform {@code events.signing}), made now, over what SmallRye writes:
     * topic, key, the CloudEvent type and the payload bytes. A control record without a signing key stays unpublished.
     */
    private org.apache.kafka.common.header.Headers signature(OutboxEvent row) {
        org.apache.kafka.common.header.Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, row.type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        control.sign(row.topic, row.eventKey, headers, row.payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.remove(CloudEventHeaders.TYPE);
        return headers;
    }

    private Uni<Boolean> send(OutboxEvent row) {
        try {
            return send(row, signature(row));
        } catch (IllegalStateException e) {
            LOG.warnf("outbox event %s (%s) not sent: %s", row.eventId, row.topic, e.getMessage());
            return Uni.createFrom().item(false);
        }
    }

    private Uni<Boolean> send(OutboxEvent row, org.apache.kafka.common.header.Headers signature) {
        OutgoingCloudEventMetadata<String> ce = OutgoingCloudEventMetadata.<String>builder()
                .withId(row.eventId.toString())
                .withSource(URI.create(row.source))
                .withType(row.type)
                .withSubject(row.subject)
                .withTimestamp(ZonedDateTime.ofInstant(Instant.ofEpochMilli(row.createdAt), ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension("orgid", row.orgId == null ? "" : row.orgId)
                .withExtension("sequence", Long.toString(row.sequence))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.eventKey)
                .withHeaders(signature)
                .build();
        return emitter.sendMessage(Message.of(row.payload, Metadata.of(ce, kafka)))
                .map(ignored -> true)
                .onFailure().invoke(e -> LOG.debugf("outbox event %s not acknowledged yet: %s", row.eventId, e.getMessage()))
                .onFailure().recoverWithItem(false);
    }
}

package io.openwaas.platform.outbox;

import io.openwaas.platform.config.OutboxConfig;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.signing.ControlRecords;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes outbox rows to Kafka as CloudEvents in binary mode (attributes in {@code ce_*} headers), through the
 * channel {@code outbox-out} (acks=all, idempotent producer). A round runs in one transaction under a database
 * advisory lock (one relay per database at a time, however many replicas run), takes the oldest sendable rows and
 * stamps what the broker acknowledged; a row is sent twice only if the process dies between the acknowledgement and
 * the commit, which consumers absorb by event id.
 *
 * <p><b>Order per key.</b> Rows of one key (the aggregate id, also the Kafka record key) go out strictly in
 * {@code seq} order: within a round a key's rows are sent one after the other, each after the previous one was
 * acknowledged, and the first failure stops that key for the round; other keys go on in parallel. A row waits while
 * an earlier row of its key is unsent and not due (in its backoff) or dead-lettered, so a later event never overtakes
 * an earlier one.
 *
 * <p><b>Retries and dead letters.</b> A failed send counts an attempt, keeps the error ({@code last_error}) and
 * backs off ({@code openwaas.outbox.initial-backoff} doubling to {@code max-backoff}). When the broker refuses the
 * record itself (a non-retriable Kafka error such as a record too large) for the {@code max-attempts}th time, the row
 * is dead-lettered: {@code dead_lettered_at} is set, it is logged at ERROR and counted
 * ({@code openwaas_outbox_dead_lettered_total}), it is never sent again, and it <em>holds every later row of its
 * key</em> until an operator releases it (see README: retry it, or discard it). Holding rather than skipping is the
 * choice: a consumer never sees a gap it cannot explain. Failures of the broker as a whole (unreachable, timeouts:
 * Kafka's retriable errors) never dead-letter: they back off and retry as long as the outage lasts.
 *
 * <p>The relay loops on its own Vert.x context: after a round that published something it goes again at once,
 * otherwise it waits {@code openwaas.outbox.poll-interval} (default 100 ms), so an event is typically on Kafka
 * within a fraction of a second of its commit.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    public static final String CHANNEL = "outbox-out";

    /** One relay round per database at a time (a transaction-scoped advisory lock). */
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('openwaas.outbox-relay'))";
    /**
     * The oldest unsent rows that are due and not held by an earlier unsent row of their key that is in its backoff
     * or dead-lettered ($1 = now).
     */
    private static final String SELECT = "SELECT seq, event_id, topic, event_key, event_type, source, subject, org_id, "
            + "sequence, payload, created_at, attempts FROM outbox_event e WHERE published_at IS NULL "
            + "AND dead_lettered_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= $1) "
            + "AND NOT EXISTS (SELECT 1 FROM outbox_event b WHERE b.event_key = e.event_key AND b.seq < e.seq "
            + "AND b.published_at IS NULL AND (b.dead_lettered_at IS NOT NULL OR b.next_attempt_at > $1)) "
            + "ORDER BY seq LIMIT $2";
    private static final String PUBLISHED = "UPDATE outbox_event SET attempts = attempts + 1, published_at = $1, "
            + "last_error = NULL, next_attempt_at = NULL WHERE seq = ANY($2)";
    private static final String FAILED = "UPDATE outbox_event SET attempts = $2, last_error = $3, next_attempt_at = $4, "
            + "dead_lettered_at = $5 WHERE seq = $1";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final ControlRecords control;
    private final io.vertx.core.Vertx vertx;
    private final MeterRegistry meters;
    private volatile boolean running;
    private Context context;
    /** True while the loop waits for its timer (between rounds). */
    private final java.util.concurrent.atomic.AtomicBoolean idle = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set by {@link #wake()}; the loop goes again at once instead of waiting. */
    private final java.util.concurrent.atomic.AtomicBoolean wakeRequested = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long timerId = -1;

    /** What one key's rows did in a round: the acknowledged rows, and the failed one that stopped the key. */
    private record KeyRound(List<Long> acknowledged, OutboxEvent failed, Throwable error) {
    }

    public OutboxRelay(Pool pool, @Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxConfig config,
                       ControlRecords control, io.vertx.core.Vertx vertx, MeterRegistry meters) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.control = control;
        this.vertx = vertx;
        this.meters = meters;
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
     * One relay round in one transaction on the reactive SQL client (the relay runs all the time, so it does without
     * the ORM's per-row work); the number of events published.
     */
    public Uni<Integer> relayOnce() {
        long now = System.currentTimeMillis();
        return pool.withTransaction(conn -> conn.query(LOCK).execute().chain(lock -> {
            if (!lock.iterator().next().getBoolean(0)) {
                return Uni.createFrom().item(0); // another replica's round is under way
            }
            return conn.preparedQuery(SELECT).execute(Tuple.of(now, config.batchSize())).chain(rows -> {
                Map<String, List<OutboxEvent>> byKey = new LinkedHashMap<>();
                for (Row r : rows) {
                    OutboxEvent e = event(r);
                    byKey.computeIfAbsent(e.eventKey, k -> new ArrayList<>()).add(e);
                }
                return byKey.isEmpty() ? Uni.createFrom().item(0) : publish(conn, byKey.values());
            });
        }));
    }

    /** Each key's rows in order, the keys in parallel; then one statement stamps the published rows. */
    private Uni<Integer> publish(SqlConnection conn, java.util.Collection<List<OutboxEvent>> keys) {
        List<Uni<KeyRound>> rounds = new ArrayList<>(keys.size());
        for (List<OutboxEvent> rows : keys) {
            rounds.add(sendInOrder(rows, 0, new ArrayList<>()));
        }
        return Uni.join().all(rounds).andFailFast().chain(results -> {
            List<Long> acknowledged = new ArrayList<>();
            Uni<Void> done = Uni.createFrom().voidItem();
            for (KeyRound k : results) {
                acknowledged.addAll(k.acknowledged());
                if (k.failed() != null) {
                    done = done.chain(() -> recordFailure(conn, k.failed(), k.error()));
                }
            }
            if (!acknowledged.isEmpty()) {
                done = done.chain(() -> conn.preparedQuery(PUBLISHED)
                        .execute(Tuple.of(System.currentTimeMillis(), acknowledged.toArray(Long[]::new)))
                        .replaceWithVoid());
            }
            return done.replaceWith(acknowledged.size());
        });
    }

    /** Sends {@code rows[i..]} one after the other until one fails. */
    private Uni<KeyRound> sendInOrder(List<OutboxEvent> rows, int i, List<Long> acknowledged) {
        if (i == rows.size()) {
            return Uni.createFrom().item(new KeyRound(acknowledged, null, null));
        }
        OutboxEvent row = rows.get(i);
        return send(row).onItemOrFailure().transformToUni((ignored, error) -> {
            if (error != null) {
                return Uni.createFrom().item(new KeyRound(acknowledged, row, error));
            }
            acknowledged.add(row.seq);
            return sendInOrder(rows, i + 1, acknowledged);
        });
    }

    /** A failed send: count it, keep the error, back off; dead-letter a row the broker refuses for the last time. */
    private Uni<Void> recordFailure(SqlConnection conn, OutboxEvent row, Throwable error) {
        int attempts = row.attempts + 1;
        boolean retriable = retriable(error);
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        meters.counter("openwaas.outbox.send.failures", "topic", row.topic).increment();
        long now = System.currentTimeMillis();
        Long deadLettered = null;
        if (!retriable && attempts >= config.maxAttempts()) {
            deadLettered = now;
            meters.counter("openwaas.outbox.dead.lettered", "topic", row.topic).increment();
            LOG.errorf("outbox event %s (seq %d, topic %s, key %s) DEAD-LETTERED after %d attempts: %s; it is not sent "
                    + "again and holds the later events of its key until an operator releases it", row.eventId, row.seq,
                    row.topic, row.eventKey, attempts, message);
        } else {
            LOG.warnf("outbox event %s (seq %d, topic %s, key %s) not sent, attempt %d: %s; the later events of its key "
                    + "wait", row.eventId, row.seq, row.topic, row.eventKey, attempts, message);
        }
        long backoff = Math.min(config.maxBackoff().toMillis(),
                config.initialBackoff().toMillis() << Math.min(attempts - 1, 30));
        return conn.preparedQuery(FAILED)
                .execute(Tuple.of(row.seq, attempts, message, now + backoff, deadLettered))
                .replaceWithVoid();
    }

    /** Whether a send failed because of the broker as a whole (it may well work later) rather than the record. */
    static boolean retriable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
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
        e.attempts = r.getInteger("attempts");
        return e;
    }

    /**
     * The producer's signature headers (libs/platform {@code events.signing}), made now, over what SmallRye writes:
     * topic, key, the CloudEvent type and the payload bytes.
     */
    private org.apache.kafka.common.header.Headers signature(OutboxEvent row) {
        org.apache.kafka.common.header.Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, row.type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        control.sign(row.topic, row.eventKey, headers, row.payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.remove(CloudEventHeaders.TYPE);
        return headers;
    }

    /**
     * Sends one row, signed, and completes when the broker acknowledged it; fails when it did not, or when a control
     * record cannot be signed (no signing key: it stays unpublished, and holds its key's later rows).
     */
    private Uni<Void> send(OutboxEvent row) {
        org.apache.kafka.common.header.Headers signature;
        try {
            signature = signature(row);
        } catch (IllegalStateException e) {
            LOG.warnf("outbox event %s (%s) not sent: %s", row.eventId, row.topic, e.getMessage());
            return Uni.createFrom().failure(e);
        }
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
        return emitter.sendMessage(Message.of(row.payload, Metadata.of(ce, kafka)));
    }
}

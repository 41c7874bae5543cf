package io.openwaas.platform.outbox;

import io.openwaas.platform.config.OutboxConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
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

    private final OutboxRepository repository;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final io.vertx.core.Vertx vertx;
    private volatile boolean running;
    private Context context;
    /** True while the loop waits for its timer (between rounds). */
    private final java.util.concurrent.atomic.AtomicBoolean idle = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set by {@link #wake()}; the loop goes again at once instead of waiting. */
    private final java.util.concurrent.atomic.AtomicBoolean wakeRequested = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long timerId = -1;

    public OutboxRelay(OutboxRepository repository, @Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxConfig config,
                       io.vertx.core.Vertx vertx) {
        this.repository = repository;
        this.emitter = emitter;
        this.config = config;
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

    /** One relay round; the number of events published. */
    @WithTransaction
    public Uni<Integer> relayOnce() {
        return repository.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT :limit "
                                        + "FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                        .setParameter("limit", config.batchSize())
                        .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Uni<Boolean>> sends = new ArrayList<>(rows.size());
                    for (OutboxEvent row : rows) {
                        sends.add(send(row));
                    }
                    return Uni.join().all(sends).andFailFast().map(results -> {
                        long now = System.currentTimeMillis();
                        int published = 0;
                        for (int i = 0; i < rows.size(); i++) {
                            OutboxEvent row = rows.get(i);
                            row.attempts++;
                            if (Boolean.TRUE.equals(results.get(i))) {
                                row.publishedAt = now;
                                published++;
                            }
                        }
                        return published;
                    });
                });
    }

    private Uni<Boolean> send(OutboxEvent row) {
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
                .build();
        return emitter.sendMessage(Message.of(row.payload, Metadata.of(ce, kafka)))
                .map(ignored -> true)
                .onFailure().invoke(e -> LOG.debugf("outbox event %s not acknowledged yet: %s", row.eventId, e.getMessage()))
                .onFailure().recoverWithItem(false);
    }
}

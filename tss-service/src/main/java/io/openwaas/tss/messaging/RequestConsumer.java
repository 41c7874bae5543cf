package io.openwaas.tss.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.domain.RequestHandler;
import io.openwaas.tss.persistence.StoreFailure;
import io.openwaas.tss.transport.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tss.requests} on its own thread. Every node reads every partition (assign mode) and keeps its position as
 * committed offsets under its own group id, so a restarted node goes on where it stopped; what it already handled
 * is recognised by request id (the handler's database claim), and requests long expired are skipped. Only commands
 * signed by an issuing service under its pinned key are handled ({@link ControlRecords}); a refused one is listed and
 * its offset committed.
 *
 * <p>An offset is committed only past records whose handling is durable: the request claimed in the node's database
 * (or deliberately not taken: unreadable, not for this node, expired, a repeat). When the claim fails because the
 * database is away, the partition is put back to that record and paused with a backoff (1 s doubling to 30 s), and the
 * record is handled again until the claim succeeds: a database outage delays requests, it never drops one. Later
 * records of the partition wait behind it (their order is kept; a {@code Cancel} never overtakes its request). A
 * record the database refuses for its content ({@link StoreFailure#permanent()}) is logged and skipped.
 */
@ApplicationScoped
public class RequestConsumer {

    private static final Logger LOG = Logger.getLogger(RequestConsumer.class);
    private static final long MIN_BACKOFF_MS = 1000;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final TssConfig config;
    private final RequestHandler handler;
    private final ObjectMapper mapper;
    private final ControlRecords control;
    private final String bootstrap;
    private volatile boolean running;
    private volatile boolean assigned;
    /** Records whose claim failed and was retried (a database outage); for /admin/status and tests. */
    private final AtomicLong retried = new AtomicLong();

    public RequestConsumer(TssConfig config, RequestHandler handler, ObjectMapper mapper, ControlRecords control,
                           @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.control = control;
        this.config = config;
        this.handler = handler;
        this.mapper = mapper;
        this.bootstrap = bootstrap;
    }

    public void start() {
        running = true;
        Thread t = new Thread(this::loop, "tss-request-consumer");
        t.setDaemon(true);
        t.start();
    }

    public void stop() {
        running = false;
    }

    public boolean ready() {
        return assigned;
    }

    /** How many times a record was taken again because its claim failed. */
    public long retried() {
        return retried.get();
    }

    private void loop() {
        while (running) {
            try (KafkaConsumer<String, String> consumer = KafkaClients.stringConsumer(bootstrap,
                    config.nodeId() + "-requests", "tss-requests-" + config.nodeId())) {
                List<TopicPartition> parts = KafkaClients.assignAll(consumer, Topics.TSS_REQUESTS, Duration.ofMinutes(5));
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(parts));
                for (TopicPartition p : parts) {
                    OffsetAndMetadata o = committed.get(p);
                    if (o == null) {
                        consumer.seekToBeginning(List.of(p));
                    } else {
                        consumer.seek(p, o.offset());
                    }
                    consumer.position(p);
                }
                assigned = true;
                Map<TopicPartition, Long> pausedUntil = new HashMap<>();
                Map<TopicPartition, Long> backoff = new HashMap<>();
                while (running) {
                    resumeDue(consumer, pausedUntil);
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (TopicPartition p : records.partitions()) {
                        for (ConsumerRecord<String, String> r : records.records(p)) {
                            try {
                                if (control.admit(r).admitted()) { // signed by an issuer, else refused and listed
                                    handle(r);
                                }
                            } catch (StoreFailure e) {
                                long wait = backoff.merge(p, MIN_BACKOFF_MS, (a, b) -> Math.min(MAX_BACKOFF_MS, a * 2));
                                retried.incrementAndGet();
                                LOG.warnf("tss.requests %s offset %d not claimed (%s): taken again in %d ms", p,
                                        r.offset(), e.getMessage(), wait);
                                consumer.seek(p, r.offset());
                                consumer.pause(List.of(p));
                                pausedUntil.put(p, System.currentTimeMillis() + wait);
                                break;
                            }
                            backoff.remove(p);
                            done.put(p, new OffsetAndMetadata(r.offset() + 1));
                        }
                    }
                    if (!done.isEmpty()) {
                        consumer.commitAsync(done, null);
                    }
                }
            } catch (RuntimeException e) {
                assigned = false;
                if (running) {
                    LOG.warnf("tss.requests consumer restarts after: %s", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private static void resumeDue(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> pausedUntil) {
        long now = System.currentTimeMillis();
        List<TopicPartition> due = new ArrayList<>();
        pausedUntil.entrySet().removeIf(e -> {
            if (e.getValue() <= now) {
                due.add(e.getKey());
                return true;
            }
            return false;
        });
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    /**
     * Handles one {@code tss.requests} record. Returns when its handling is durable (or it is deliberately not
     * taken); throws a {@link StoreFailure} that is not permanent when the node must take the record again.
     */
    void handle(ConsumerRecord<String, String> record) {
        String json = record.value();
        if (json == null) {
            return;
        }
        TssRequest request;
        try {
            request = mapper.readValue(json, TssRequest.class);
        } catch (Exception e) {
            LOG.warnf("ignored an unreadable tss.requests record: %s", e.getMessage());
            return;
        }
        try {
            handler.submit(request, json);
        } catch (StoreFailure e) {
            if (!e.permanent()) {
                throw e;
            }
            LOG.errorf("request %s refused by the node's database, not taken: %s", request.requestId(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("request %s not taken: %s", request.requestId(), e.getMessage());
        }
    }
}

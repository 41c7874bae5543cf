package io.openwaas.tss.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.domain.RequestHandler;
import io.openwaas.tss.transport.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tss.requests} on its own thread. Every node reads every partition (assign mode) and keeps its position as
 * committed offsets under its own group id, so a restarted node goes on where it stopped; what it already handled
 * is recognised by request id (the handler's database claim), and requests long expired are skipped. Only commands
 * signed by an issuing service under its pinned key are handled ({@link ControlRecords}).
 */
@ApplicationScoped
public class RequestConsumer {

    private static final Logger LOG = Logger.getLogger(RequestConsumer.class);

    private final TssConfig config;
    private final RequestHandler handler;
    private final ObjectMapper mapper;
    private final ControlRecords control;
    private final String bootstrap;
    private volatile boolean running;
    private volatile boolean assigned;

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
                while (running) {
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (control.admit(r).admitted()) { // signed by an issuer, else refused and listed
                            handle(r.value());
                        }
                        done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    }
                    if (!done.isEmpty()) {
                        consumer.commitAsync(done, null);
                    }
                }
            } catch (RuntimeException e) {
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

    private void handle(String json) {
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
        } catch (RuntimeException e) {
            LOG.warnf("request %s not taken: %s", request.requestId(), e.getMessage());
        }
    }
}

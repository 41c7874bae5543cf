package io.openwaas.tss.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssNodeInfo;
import io.openwaas.platform.events.tss.TssNodeStatus;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.node.NodeKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The nodes of the platform, from the compacted topic {@code tss.nodes}: every node reads it from the beginning on
 * its own thread, and announces itself there at start, on every heartbeat, and as {@code Offline} when it stops.
 */
@ApplicationScoped
public class NodeDirectory {

    private static final Logger LOG = Logger.getLogger(NodeDirectory.class);

    private final TssConfig config;
    private final ObjectMapper mapper;
    private final String bootstrap;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Map<String, io.openwaas.mpc.ecdsa2p.VerifiedAuxSetup> verifiedAux = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());
    private final java.util.concurrent.ExecutorService verifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tss-aux-verifier");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile boolean running;
    private volatile boolean caughtUp;
    private NodeKeys keys;
    private volatile boolean callbackConfigured;
    private KafkaProducer<String, String> producer;
    private ScheduledExecutorService heartbeat;
    private Thread reader;

    public NodeDirectory(TssConfig config, ObjectMapper mapper,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.mapper = mapper;
        this.bootstrap = bootstrap;
    }

    public void start(NodeKeys keys, boolean callbackConfigured) {
        this.keys = keys;
        this.callbackConfigured = callbackConfigured;
        running = true;
        producer = KafkaClients.stringProducer(bootstrap, config.nodeId() + "-directory");
        reader = new Thread(this::read, "tss-node-directory");
        reader.setDaemon(true);
        reader.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tss-node-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long ms = config.heartbeatInterval().toMillis();
        heartbeat.scheduleAtFixedRate(() -> announce(TssNodeStatus.ONLINE), 0, ms, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        running = false;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (producer != null) {
            try {
                announce(TssNodeStatus.OFFLINE).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("offline announcement not sent: %s", e.getMessage());
            }
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** This node's announcement. */
    public TssNodeInfo self(TssNodeStatus status) {
        return new TssNodeInfo(keys.nodeId(), keys.partyId().value().intValueExact(), keys.identityPublicKeyHex(),
                keys.encryptionPublicKeyHex(), Base64.getEncoder().encodeToString(keys.aux().setup().toBytes()),
                callbackConfigured, keys.callbackPublicKeyPem(), status, config.heartbeatInterval().toMillis(),
                System.currentTimeMillis());
    }

    private java.util.concurrent.Future<?> announce(TssNodeStatus status) {
        try {
            TssNodeInfo info = self(status);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TSS_NODES, info.nodeId(),
                    mapper.writeValueAsString(info));
            CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), "/tss-service/" + info.nodeId(),
                    EventType.TSS_NODE_UPDATED, info.nodeId(), info.updatedTimestamp(), null,
                    sequence.incrementAndGet());
            return producer.send(record, (md, e) -> {
                if (e != null) {
                    LOG.warnf("node announcement not sent: %s", e.getMessage());
                }
            });
        } catch (Exception e) {
            LOG.warnf("node announcement failed: %s", e.getMessage());
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    private void read() {
        while (running) {
            try (KafkaConsumer<String, String> consumer = KafkaClients.stringConsumer(bootstrap,
                    config.nodeId() + "-directory-reader")) {
                List<TopicPartition> parts = KafkaClients.assignAll(consumer, Topics.TSS_NODES, Duration.ofMinutes(5));
                consumer.seekToBeginning(parts);
                Map<TopicPartition, Long> end = consumer.endOffsets(parts);
                while (running) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        apply(r.value());
                    }
                    if (!caughtUp && parts.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                        caughtUp = true;
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("tss.nodes reader restarts after: %s", e.getMessage());
                    sleep(1000);
                }
            }
        }
    }

    private void apply(String json) {
        if (json == null) {
            return;
        }
        try {
            TssNodeInfo info = mapper.readValue(json, TssNodeInfo.class);
            Peer peer = new Peer(info, verifiedAux);
            peers.put(info.nodeId(), peer);
            if (keys != null && !info.nodeId().equals(keys.nodeId()) && info.auxSetup() != null
                    && info.status() == io.openwaas.platform.events.tss.TssNodeStatus.ONLINE) {
                // verify the peer's aux setup (Π^prm, about a second of CPU) now, not in its first key generation
                verifier.execute(() -> {
                    try {
                        peer.auxSetup();
                    } catch (RuntimeException e) {
                        LOG.warnf("the aux setup announced by %s does not verify: %s", info.nodeId(), e.getMessage());
                    }
                });
            }
        } catch (Exception e) {
            LOG.warnf("ignored an unreadable tss.nodes record: %s", e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the reader has read everything that was on the topic when it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public Optional<Peer> peer(String nodeId) {
        return Optional.ofNullable(peers.get(nodeId));
    }

    /** A node named in a request: unknown nodes fail the request with a clear reason. */
    public Peer require(String nodeId) {
        Peer p = peers.get(nodeId);
        if (p == null) {
            throw new IllegalArgumentException("unknown TSS node " + nodeId + " (it never announced itself on tss.nodes)");
        }
        return p;
    }

    public Map<String, Peer> all() {
        return Map.copyOf(peers);
    }
}

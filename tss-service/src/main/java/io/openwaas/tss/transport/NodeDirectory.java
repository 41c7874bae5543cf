package io.openwaas.tss.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssNodeInfo;
import io.openwaas.platform.events.tss.TssNodeStatus;
import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.kafka.CompactedTopicView;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.node.NodeKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Base64;
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
 * Announcements are signed by the announcing node; one is admitted only if it verifies under the key pinned for its
 * node id and announces that same key as its identity (the node's encryption key is bound by that signature), so
 * nobody with mere broker access can make this node send key shares to another key.
 */
@ApplicationScoped
public class NodeDirectory {

    private static final Logger LOG = Logger.getLogger(NodeDirectory.class);

    private final TssConfig config;
    private final ObjectMapper mapper;
    private final ControlRecords control;
    private final String bootstrap;
    private final CompactedTopicView<Peer> peers;
    private final Map<String, io.openwaas.mpc.ecdsa2p.VerifiedAuxSetup> verifiedAux = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());
    private final java.util.concurrent.ExecutorService verifier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tss-aux-verifier");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile NodeKeys keys;
    private volatile boolean callbackConfigured;
    private KafkaProducer<String, String> producer;
    private ScheduledExecutorService heartbeat;

    public NodeDirectory(TssConfig config, ObjectMapper mapper, ControlRecords control,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.mapper = mapper;
        this.control = control;
        this.bootstrap = bootstrap;
        this.peers = new CompactedTopicView<>(Topics.TSS_NODES, bootstrap, config.nodeId() + "-directory-reader",
                r -> {
                    TssNodeInfo info = mapper.readValue(r.value(), TssNodeInfo.class);
                    return control.pinnedNode(r, info.nodeId(), info.identityPublicKey()) ? peer(info) : null;
                },
                (current, incoming) -> incoming.info().updatedTimestamp() >= current.info().updatedTimestamp()
                        ? incoming : current,
                CompactedTopicView.Refused.IGNORED, r -> control.admit(r).admitted());
    }

    public void start(NodeKeys keys, boolean callbackConfigured) {
        this.keys = keys;
        this.callbackConfigured = callbackConfigured;
        producer = KafkaClients.stringProducer(bootstrap, config.nodeId() + "-directory");
        peers.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tss-node-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long ms = config.heartbeatInterval().toMillis();
        heartbeat.scheduleAtFixedRate(() -> announce(TssNodeStatus.ONLINE), 0, ms, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        peers.stop();
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
            control.sign(record.topic(), record.key(), record.headers(),
                    record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    /** A peer from its announcement; its aux setup is verified in the background (not in its first keygen). */
    private Peer peer(TssNodeInfo info) {
        Peer peer = new Peer(info, verifiedAux);
        if (keys != null && !info.nodeId().equals(keys.nodeId()) && info.auxSetup() != null
                && info.status() == TssNodeStatus.ONLINE) {
            // Π^prm costs about a second of CPU
            verifier.execute(() -> {
                try {
                    peer.auxSetup();
                } catch (RuntimeException e) {
                    LOG.warnf("the aux setup announced by %s does not verify: %s", info.nodeId(), e.getMessage());
                }
            });
        }
        return peer;
    }

    /** Whether the reader has read everything that was on the topic when it started. */
    public boolean caughtUp() {
        return peers.caughtUp();
    }

    public Optional<Peer> peer(String nodeId) {
        return peers.find(nodeId);
    }

    /** A node named in a request: unknown nodes fail the request with a clear reason. */
    public Peer require(String nodeId) {
        return peers.find(nodeId).orElseThrow(() -> new IllegalArgumentException(
                "unknown TSS node " + nodeId + " (it never announced itself on tss.nodes)"));
    }

    public Map<String, Peer> all() {
        return peers.snapshot();
    }
}

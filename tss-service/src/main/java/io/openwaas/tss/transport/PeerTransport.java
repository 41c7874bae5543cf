package io.openwaas.tss.transport;

import io.openwaas.platform.events.Topics;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.node.NodeKeys;
import io.openwaas.tss.session.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tss.peer}: sends this node's protocol messages (signed; point-to-point ones encrypted to the recipient) and
 * receives everyone's on its own thread. A received record reaches a session only if it decodes, names a known
 * sender whose identity key verifies its signature, is addressed to this node or to everyone, is fresh (sent within
 * {@link #FRESHNESS_MS}), has a message id not seen before, decrypts (point-to-point) and fills an empty slot of a
 * running session. Anything else is dropped, logged with the sender it names and the reason, and listed by
 * {@link #dropped()}.
 */
@ApplicationScoped
public class PeerTransport {

    private static final Logger LOG = Logger.getLogger(PeerTransport.class);
    /** Records older (or newer) than this by the sender's clock are refused as replays. */
    public static final long FRESHNESS_MS = 120_000;
    private static final int DROPPED_KEPT = 200;

    private final TssConfig config;
    private final Sessions sessions;
    private final NodeDirectory directory;
    private final String bootstrap;
    private final SecureRandom rnd = new SecureRandom();
    private final Map<UUID, Long> seen = new ConcurrentHashMap<>();
    private final Deque<DroppedMessage> dropped = new ArrayDeque<>();
    private final AtomicLong droppedCount = new AtomicLong();
    private volatile boolean running;
    private volatile boolean assigned;
    private NodeKeys keys;
    private KafkaProducer<String, byte[]> producer;
    private Thread reader;

    public PeerTransport(TssConfig config, Sessions sessions, NodeDirectory directory,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.sessions = sessions;
        this.directory = directory;
        this.bootstrap = bootstrap;
    }

    public void start(NodeKeys keys) {
        this.keys = keys;
        running = true;
        producer = KafkaClients.bytesProducer(bootstrap, config.nodeId() + "-peer");
        reader = new Thread(this::read, "tss-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public void stop() {
        running = false;
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** True once the reader follows the topic. */
    public boolean ready() {
        return assigned;
    }

    /**
     * Sends one message of a session. {@code to} empty: to every participant (signed, not encrypted — broadcasts
     * carry public values only); otherwise encrypted to {@code to}'s announced X25519 key.
     */
    public void send(PeerEnvelope.Kind kind, String session, String task, int round, String to, byte[] payload) {
        PeerEnvelope env = new PeerEnvelope(kind, session, task, round, keys.nodeId(), to, System.currentTimeMillis(),
                UUID.randomUUID(), payload);
        if (!to.isEmpty()) {
            Peer recipient = directory.require(to);
            env = env.withPayload(PeerCrypto.encrypt(recipient.encryption(), env.header(), payload, rnd));
        }
        byte[] record = env.encode(PeerCrypto.sign(keys.identity(), env.signedPart()));
        producer.send(new ProducerRecord<>(Topics.TSS_PEER, session, record), (md, e) -> {
            if (e != null) {
                LOG.warnf("peer message of %s not sent: %s", session, e.getMessage());
            }
        });
    }

    private void read() {
        while (running) {
            try (KafkaConsumer<String, byte[]> consumer = KafkaClients.bytesConsumer(bootstrap,
                    config.nodeId() + "-peer-reader")) {
                List<TopicPartition> parts = KafkaClients.assignAll(consumer, Topics.TSS_PEER, Duration.ofMinutes(5));
                consumer.seekToEnd(parts);
                parts.forEach(consumer::position);
                assigned = true;
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        receive(r.value());
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("tss.peer reader restarts after: %s", e.getMessage());
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

    /** Checks and routes one record (package-visible for tests of the drop rules). */
    void receive(byte[] record) {
        PeerEnvelope.Signed signed;
        try {
            signed = PeerEnvelope.decode(record);
        } catch (IllegalArgumentException e) {
            drop(null, "(unknown)", "undecodable record: " + e.getMessage());
            return;
        }
        PeerEnvelope env = signed.envelope();
        if (env.from().equals(keys.nodeId()) || (!env.broadcast() && !env.to().equals(keys.nodeId()))) {
            return;
        }
        Peer sender = directory.peer(env.from()).orElse(null);
        if (sender == null) {
            drop(env, env.from(), "unknown sender (not announced on tss.nodes)");
            return;
        }
        if (!PeerCrypto.verify(sender.identity(), env.signedPart(), signed.signature())) {
            drop(env, env.from(), "signature does not verify under " + env.from() + "'s identity key (forged or altered)");
            return;
        }
        long now = System.currentTimeMillis();
        if (Math.abs(now - env.sentAt()) > FRESHNESS_MS) {
            drop(env, env.from(), "stale record sent " + (now - env.sentAt()) / 1000 + " s ago (replay)");
            return;
        }
        if (seen.putIfAbsent(env.messageId(), now) != null) {
            drop(env, env.from(), "replayed message id " + env.messageId());
            return;
        }
        if (seen.size() > 100_000) {
            seen.entrySet().removeIf(e -> now - e.getValue() > 2 * FRESHNESS_MS);
        }
        byte[] payload = env.payload();
        if (!env.broadcast()) {
            payload = PeerCrypto.decrypt(keys.encryption(), env.header(), payload);
            if (payload == null) {
                drop(env, env.from(), "payload does not decrypt for this node");
                return;
            }
        }
        switch (env.kind()) {
            case ABORT -> sessions.abort(env.session(), env.from(),
                    new String(payload, java.nio.charset.StandardCharsets.UTF_8));
            case PROTOCOL, CONTROL -> {
                Sessions.Refusal refusal = sessions.deliver(env.session(), env.task(), env.round(), env.from(), payload);
                if (refusal == Sessions.Refusal.SLOT_FILLED) {
                    drop(env, env.from(), "second message for round " + env.round() + " of " + env.task()
                            + " (replay or equivocation)");
                } else if (refusal == Sessions.Refusal.SESSION_ENDED) {
                    // authentic and fresh, just late (e.g. a peer's confirmation after this node finished)
                    LOG.debugf("late message for ended session %s from %s", env.session(), env.from());
                }
            }
        }
    }

    private void drop(PeerEnvelope env, String sender, String reason) {
        droppedCount.incrementAndGet();
        DroppedMessage d = env == null
                ? new DroppedMessage(System.currentTimeMillis(), sender, null, null, 0, null, reason)
                : new DroppedMessage(System.currentTimeMillis(), sender, env.session(), env.task(), env.round(),
                env.messageId().toString(), reason);
        LOG.warnf("dropped a tss.peer message from %s (session %s, %s round %d): %s", sender, d.session(), d.task(),
                d.round(), reason);
        synchronized (dropped) {
            dropped.addFirst(d);
            while (dropped.size() > DROPPED_KEPT) {
                dropped.removeLast();
            }
        }
    }

    /** The most recent dropped records, newest first. */
    public List<DroppedMessage> dropped() {
        synchronized (dropped) {
            return List.copyOf(dropped);
        }
    }

    public long droppedCount() {
        return droppedCount.get();
    }
}

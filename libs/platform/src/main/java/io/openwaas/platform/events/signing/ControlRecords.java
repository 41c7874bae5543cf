package io.openwaas.platform.events.signing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openwaas.platform.config.ControlConfig;
import io.openwaas.platform.config.SecretFile;
import io.openwaas.platform.events.CloudEventHeaders;
import io.openwaas.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This service's side of the signed control plane: signs what it produces with its own key and admits what it
 * consumes only when {@link RecordVerifier} accepts it under the platform's policy — {@code tss.requests} from the
 * issuers, {@code tss.results} and {@code tss.nodes} from the nodes, {@code iam.api-keys} and {@code wallet.vaults}
 * from wallet-service.
 * A refused record is logged with the producer it claims, counted ({@value #REFUSED_METRIC}, tags {@code topic},
 * {@code reason}) and kept in {@link #refused()} for operators ({@code GET /admin/dropped-records}). Callers never
 * apply a refused record.
 */
@ApplicationScoped
public class ControlRecords {

    public static final String REFUSED_METRIC = "openwaas.control.records.refused";
    /** The control topics: records on them must be signed. */
    public static final Set<String> CONTROL_TOPICS = Set.of(Topics.TSS_REQUESTS, Topics.TSS_RESULTS, Topics.TSS_NODES,
            Topics.IAM_API_KEYS, Topics.WALLET_VAULTS, Topics.WALLET_ADDRESS_CREATED);

    private static final Logger LOG = Logger.getLogger(ControlRecords.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ControlConfig config;
    private final MeterRegistry metrics;
    private final RecordVerifier verifier;
    private final Deque<RefusedRecord> refused = new ArrayDeque<>();
    private final AtomicLong refusedCount = new AtomicLong();
    private volatile RecordSigner signer;

    public ControlRecords(ControlConfig config, MeterRegistry metrics,
                          @ConfigProperty(name = "quarkus.application.name", defaultValue = "openwaas") String application) {
        this.config = config;
        this.metrics = metrics;
        this.verifier = verifier(config);
        String name = config.signerName().filter(n -> !n.isBlank()).orElse(application);
        this.signer = SecretFile.fileOrValue(config.signingKeyFile(), config.signingKey(), "openwaas.control.signing-key")
                .map(seed -> RecordSigner.parse(name, seed)).orElse(null);
        if (signer != null) {
            LOG.infof("control records signed as %s (public key %s)", name, signer.publicKeyHex());
        }
    }

    /** The verifier of a configuration (pins and policy). */
    public static RecordVerifier verifier(ControlConfig config) {
        Map<String, String> pins = new LinkedHashMap<>();
        config.trustedKeys().orElse(List.of()).forEach(entry -> pin(pins, entry, "openwaas.control.trusted-keys"));
        config.trustedKeysFile().filter(f -> !f.isBlank()).ifPresent(file -> {
            try {
                for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                    String l = line.trim();
                    if (!l.isEmpty() && !l.startsWith("#")) {
                        pin(pins, l, file);
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read openwaas.control.trusted-keys-file " + file);
            }
        });
        Set<String> nodes = Set.copyOf(config.nodes().orElse(List.of()));
        return new RecordVerifier(pins, Map.of(
                Topics.TSS_REQUESTS, Set.copyOf(config.issuers()),
                Topics.TSS_RESULTS, nodes,
                Topics.TSS_NODES, nodes,
                Topics.IAM_API_KEYS, Set.copyOf(config.apiKeyIssuers()),
                Topics.WALLET_VAULTS, Set.copyOf(config.vaultIssuers()),
                // the addresses whose deposits are credited to a wallet: wallet-service's, like the vaults' keys
                Topics.WALLET_ADDRESS_CREATED, Set.copyOf(config.vaultIssuers())), config.maxSkew());
    }

    private static void pin(Map<String, String> pins, String entry, String where) {
        int colon = entry.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(where + ": a pinned key is name:hex, got " + entry);
        }
        String name = entry.substring(0, colon).trim();
        String hex = entry.substring(colon + 1).trim();
        String previous = pins.putIfAbsent(name, hex);
        if (previous != null && !previous.equalsIgnoreCase(hex)) {
            throw new IllegalArgumentException(where + ": two different keys pinned for " + name);
        }
    }

    /** Whether this service has a signing key. */
    public boolean signs() {
        return signer != null;
    }

    /** The name this service signs as, or null without a key. */
    public String signerName() {
        RecordSigner s = signer;
        return s == null ? null : s.name();
    }

    /**
     * Adopts a signing key made elsewhere (a TSS node without a configured key signs with its stored identity key),
     * unless one is configured.
     */
    public synchronized void useSignerIfNone(RecordSigner fallback) {
        if (signer == null) {
            signer = fallback;
        }
    }

    /** The pinned public key of a producer (hex), or null. */
    public String pinned(String name) {
        return verifier.pinned(name);
    }

    /**
     * Signs a record about to be sent (the CloudEvent headers already written). A record on a control topic without a
     * signing key configured is an error; other records go unsigned then.
     */
    public void sign(String topic, String key, Headers headers, byte[] value) {
        RecordSigner s = signer;
        if (s == null) {
            if (CONTROL_TOPICS.contains(topic)) {
                throw new IllegalStateException("no control signing key (openwaas.control.signing-key-file): a "
                        + topic + " record cannot be sent unsigned");
            }
            return;
        }
        s.sign(topic, key, headers, value);
    }

    /** {@link #admit(String, String, Headers, byte[], long)} of a consumed record. */
    public RecordVerifier.Verdict admit(ConsumerRecord<String, String> r) {
        return admit(r.topic(), r.key(), r.headers(), r.value() == null ? null : r.value().getBytes(StandardCharsets.UTF_8),
                r.timestamp());
    }

    /** Verifies a consumed record; a refusal is logged, counted and listed before it is returned. */
    public RecordVerifier.Verdict admit(String topic, String key, Headers headers, byte[] value, long timestamp) {
        RecordVerifier.Verdict v = verifier.verify(topic, key, headers, value, timestamp);
        if (!v.admitted()) {
            refuse(topic, key, v.signer(), v.refusal(), v.detail());
        }
        return v;
    }

    /**
     * For a record {@link #admit admitted} already: whether its verified signer is the producer it claims to be (a
     * node's report naming the node). A mismatch is refused, listed and counted here.
     */
    public boolean claimedBySigner(String topic, String key, Headers headers, String claimed) {
        String signer = CloudEventHeaders.get(headers, SignedRecord.SIGNER);
        if (signer != null && signer.equals(claimed)) {
            return true;
        }
        refuse(topic, key, signer, RecordVerifier.Reason.CLAIM_MISMATCH, "signed by " + signer + " but claims to come from "
                + claimed);
        return false;
    }

    /**
     * For an admitted {@code tss.nodes} announcement: the node speaks for itself (record key = node id = signer) and
     * announces the identity key pinned for it. So no announcement, however new its timestamp, replaces a node's
     * identity, and only the node itself can change its encryption key.
     */
    public boolean pinnedNode(ConsumerRecord<String, String> r, String nodeId, String identityKeyHex) {
        if (!r.key().equals(nodeId)) {
            refuse(r.topic(), r.key(), nodeId, RecordVerifier.Reason.CLAIM_MISMATCH,
                    "record key " + r.key() + " differs from node_id " + nodeId);
            return false;
        }
        if (!claimedBySigner(r.topic(), r.key(), r.headers(), nodeId)) {
            return false;
        }
        String pin = pinned(nodeId);
        if (pin == null || !pin.equalsIgnoreCase(identityKeyHex)) {
            refuse(r.topic(), r.key(), nodeId, RecordVerifier.Reason.KEY_NOT_PINNED,
                    "announces identity key " + identityKeyHex + ", pinned " + pin);
            return false;
        }
        return true;
    }

    /**
     * A node's report consumed through SmallRye ({@code tss.results}): admitted only if it verifies under a pinned
     * node key and its {@code node_id} is that signer. A refusal is listed and counted; the caller acknowledges the
     * record and applies nothing. An authentic record whose value does not parse is admitted (its consumer's
     * malformed-record path handles it).
     */
    public boolean admitNodeReport(org.eclipse.microprofile.reactive.messaging.Message<String> message) {
        if (!admit(message)) {
            return false;
        }
        var kafka = message.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .orElseThrow();
        String key = kafka.getKey() == null ? null : kafka.getKey().toString();
        String value = message.getPayload();
        String claimed;
        try {
            claimed = JSON.readTree(value).path("node_id").asText(null);
        } catch (Exception e) {
            return true;
        }
        return claimedBySigner(kafka.getTopic(), key, kafka.getHeaders(), claimed);
    }

    /**
     * A record consumed through a SmallRye channel, verified like {@link #admit(ConsumerRecord)}; false (listed and
     * counted) if refused or without Kafka metadata.
     */
    public boolean admit(org.eclipse.microprofile.reactive.messaging.Message<String> message) {
        var kafka = message.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .orElse(null);
        if (kafka == null) {
            return false;
        }
        String key = kafka.getKey() == null ? null : kafka.getKey().toString();
        String value = message.getPayload();
        return admit(kafka.getTopic(), key, kafka.getHeaders(), value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                kafka.getTimestamp().toEpochMilli()).admitted();
    }

    /** Records a refusal a caller decided on (an authentic record claiming another producer, or unpinned keys). */
    public void refuse(String topic, String key, String signer, RecordVerifier.Reason reason, String detail) {
        refusedCount.incrementAndGet();
        Counter.builder(REFUSED_METRIC).description("control records refused (unsigned, forged, replayed, re-keyed)")
                .tag("topic", topic).tag("reason", reason.name()).register(metrics).increment();
        LOG.warnf("REFUSED a %s record (key %s, claimed producer %s): %s — %s", topic, key,
                signer == null ? "(none)" : signer, reason, detail);
        synchronized (refused) {
            refused.addFirst(new RefusedRecord(System.currentTimeMillis(), topic, key, signer, reason, detail));
            while (refused.size() > config.refusedKept()) {
                refused.removeLast();
            }
        }
    }

    /** The most recent refusals, newest first. */
    public List<RefusedRecord> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    public long refusedCount() {
        return refusedCount.get();
    }
}

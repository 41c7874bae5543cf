package io.openwaas.tss.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.persistence.KeyRecord;
import io.openwaas.tss.persistence.TssStore;
import io.openwaas.tss.protocol.RootKeys;
import io.openwaas.tss.transport.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles a reshare that did not end normally at this node (its session failed, or the node restarted in the
 * middle), so that the node holds the sharing that is current. The rule (docs/mpc.md, "Interrupted reshares"):
 * <ul>
 *   <li>a new share this node stored (PENDING) but never <em>confirmed</em> to the others is discarded: every holder
 *   switches only after every new holder confirmed, so nobody can be using that sharing; the old share stays;</li>
 *   <li>otherwise the other new holders' reports on {@code tss.results} decide, per root key: one that reports
 *   {@code Succeeded} with the new sharing has switched (it needed every new holder's confirmation), so this node
 *   switches too — its PENDING share becomes ACTIVE and its old share is deleted (a leaving holder deletes its old
 *   share); when every other new holder reported an end without it (Failed, Rejected, Cancelled), nobody switched and
 *   the PENDING share is discarded;</li>
 *   <li>no decisive report within the wait: both shares are kept (the PENDING one is visible in {@code /admin/keys}) and
 *   the request fails saying so; an operator decides.</li>
 * </ul>
 */
@ApplicationScoped
public class ReshareResolution {

    private static final Logger LOG = Logger.getLogger(ReshareResolution.class);

    /**
     * What the settlement did.
     *
     * @param switched every root key of the request is now on the new sharing at this node
     * @param keys     this node's new keys (empty at a leaving holder)
     * @param note     what happened, for the report's error; null when nothing needed settling
     */
    public record Outcome(boolean switched, List<TssResult.Key> keys, String note) {
    }

    private enum Verdict { SWITCHED, NOT_SWITCHED, UNDECIDED }

    private final TssConfig config;
    private final TssStore store;
    private final ShareCache shares;
    private final ObjectMapper mapper;
    private final String bootstrap;

    public ReshareResolution(TssConfig config, TssStore store, ShareCache shares, ObjectMapper mapper,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.store = store;
        this.shares = shares;
        this.mapper = mapper;
        this.bootstrap = bootstrap;
    }

    /** Settles request {@code r} (a KeyReshare), waiting at most {@code waitMillis} for the others' reports. */
    public Outcome settle(TssRequest r, long waitMillis) {
        TssRequest.KeyReshare k = r.keyReshare();
        String self = config.nodeId();
        boolean newHolder = k.newNodeIds().contains(self);
        Map<String, KeyRecord> pendingByRoot = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (KeyRecord p : store.keysOfRequest(r.requestId(), KeyRecord.PENDING)) {
            if (store.confirmed(p.keyId())) {
                pendingByRoot.put(p.rootPubkey(), p);
            } else {
                store.inTransaction(c -> {
                    store.deleteKey(c, p.keyId());
                    return null;
                });
                notes.add("discarded its new share " + p.keyId() + ", which it had not confirmed");
            }
        }
        // roots this node must settle: a confirmed new share, or (a leaving holder that got as far as waiting for the
        // switch) an old share the move may have retired
        boolean leavingAtSwitch = !newHolder && store.request(r.requestId())
                .map(row -> TssStore.AWAITING_SWITCH.equals(row.status())).orElse(false);
        List<String> open = new ArrayList<>();
        for (String root : k.rootPubKeys()) {
            if (pendingByRoot.containsKey(root)
                    || (leavingAtSwitch && !store.keysByRoot(root, KeyRecord.ACTIVE).isEmpty())) {
                open.add(root);
            }
        }
        if (open.isEmpty()) {
            return new Outcome(false, List.of(), notes.isEmpty() ? null : String.join("; ", notes) + "; the old shares stay");
        }
        Map<String, Verdict> verdicts = verdicts(r, open, pendingByRoot, waitMillis);
        List<TssResult.Key> keysOut = new ArrayList<>();
        boolean allSwitched = open.size() == k.rootPubKeys().size() || !newHolder;
        for (String root : open) {
            Verdict v = verdicts.get(root);
            KeyRecord pending = pendingByRoot.get(root);
            List<KeyRecord> old = store.keysByRoot(root, KeyRecord.ACTIVE);
            switch (v) {
                case SWITCHED -> {
                    store.inTransaction(c -> {
                        if (pending != null) {
                            store.setKeyStatus(c, pending.keyId(), KeyRecord.ACTIVE);
                        }
                        for (KeyRecord o : old) {
                            store.deleteKey(c, o.keyId());
                        }
                        return null;
                    });
                    old.forEach(o -> shares.invalidate(o.keyId()));
                    if (pending != null) {
                        keysOut.add(new TssResult.Key(RootKeys.curveOf(root), k.newGroupId(), pending.publicKey(), root,
                                pending.keyId(), k.newThreshold(), k.newNodeIds()));
                    }
                    notes.add("the other holders switched " + root + " to the new sharing: switched too");
                }
                case NOT_SWITCHED -> {
                    allSwitched = false;
                    if (pending != null) {
                        store.inTransaction(c -> {
                            store.deleteKey(c, pending.keyId());
                            return null;
                        });
                        notes.add("nobody switched " + root + ": discarded the new share " + pending.keyId()
                                + ", the old share stays");
                    }
                }
                case UNDECIDED -> {
                    allSwitched = false;
                    notes.add("no report of the other holders settles " + root + ": kept "
                            + (pending == null ? "the old share" : "the PENDING share " + pending.keyId() + " and the old one")
                            + " for an operator to decide");
                }
            }
        }
        String note = String.join("; ", notes);
        LOG.infof("reshare %s settled at %s: %s", r.requestId(), self, note);
        return new Outcome(allSwitched, newHolder ? keysOut : List.of(), note);
    }

    /** Per open root: what the other new holders' reports say, read until decisive or the wait is over. */
    private Map<String, Verdict> verdicts(TssRequest r, List<String> roots, Map<String, KeyRecord> pendingByRoot,
                                          long waitMillis) {
        List<String> others = r.keyReshare().newNodeIds().stream().filter(n -> !n.equals(config.nodeId())).toList();
        Map<String, TssResult> terminal = new HashMap<>();
        long deadline = System.currentTimeMillis() + waitMillis;
        try (KafkaConsumer<String, String> consumer = KafkaClients.stringConsumer(bootstrap,
                config.nodeId() + "-reshare-resolution", config.nodeId() + "-reshare-resolution")) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.TSS_RESULTS, Duration.ofSeconds(10));
            TopicPartition part = new TopicPartition(Topics.TSS_RESULTS,
                    Utils.toPositive(Utils.murmur2(r.requestId().getBytes(StandardCharsets.UTF_8))) % infos.size());
            consumer.assign(List.of(part));
            OffsetAndTimestamp from = consumer.offsetsForTimes(Map.of(part, Math.max(0, r.createdTimestamp() - 60_000)))
                    .get(part);
            if (from == null) {
                consumer.seekToEnd(List.of(part));
            } else {
                consumer.seek(part, from.offset());
            }
            while (true) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (!r.requestId().equals(rec.key())) {
                        continue;
                    }
                    // issue 11 section 2: the report's producer signature is verified here before it is believed
                    TssResult res = parse(rec.value());
                    if (res != null && others.contains(res.nodeId()) && res.status() != null && res.status().terminal()) {
                        terminal.put(res.nodeId(), res);
                    }
                }
                Map<String, Verdict> v = decide(roots, pendingByRoot, others, terminal);
                if (v.values().stream().noneMatch(x -> x == Verdict.UNDECIDED) || System.currentTimeMillis() > deadline) {
                    return v;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("reshare %s: cannot read the other holders' reports: %s", r.requestId(), e.getMessage());
            return decide(roots, pendingByRoot, others, terminal);
        }
    }

    private static Map<String, Verdict> decide(List<String> roots, Map<String, KeyRecord> pendingByRoot,
                                               List<String> others, Map<String, TssResult> terminal) {
        Map<String, Verdict> out = new HashMap<>();
        for (String root : roots) {
            KeyRecord pending = pendingByRoot.get(root);
            boolean switched = terminal.values().stream().anyMatch(res -> res.status() == TssResultStatus.SUCCEEDED
                    && res.keys() != null && res.keys().stream().anyMatch(key -> root.equals(key.rootPubkey())
                    && (pending == null || pending.keyId().equals(key.keyId()))));
            if (switched) {
                out.put(root, Verdict.SWITCHED);
            } else if (!others.isEmpty() && terminal.keySet().containsAll(others)) {
                out.put(root, Verdict.NOT_SWITCHED);
            } else {
                out.put(root, Verdict.UNDECIDED);
            }
        }
        return out;
    }

    private TssResult parse(String json) {
        try {
            return json == null ? null : mapper.readValue(json, TssResult.class);
        } catch (Exception e) {
            return null;
        }
    }
}

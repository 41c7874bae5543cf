package io.openwaas.wallet.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.events.tss.TssNodeInfo;
import io.openwaas.platform.kafka.CompactedTopicView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * This service's view of the TSS nodes: the compacted topic {@code tss.nodes} read into memory (the record value is
 * the {@link TssNodeInfo} JSON). Only announcements signed by the node itself under its pinned key, announcing that
 * same key as its identity, are admitted ({@link ControlRecords#pinnedNode}); anything else is refused and listed at
 * {@code /admin/dropped-records}. Of two admitted announcements of a node the one with the later
 * {@code updated_timestamp} wins; a (signed) tombstone forgets the node.
 */
@ApplicationScoped
public class TssNodeView {

    private final CompactedTopicView<TssNodeInfo> view;

    public TssNodeView(ObjectMapper mapper, ControlRecords control,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name", defaultValue = "wallet-service") String applicationName) {
        this.view = new CompactedTopicView<>(Topics.TSS_NODES, bootstrapServers, applicationName + "-tss-node-view",
                r -> {
                    TssNodeInfo node = mapper.readValue(r.value(), TssNodeInfo.class);
                    return control.pinnedNode(r, node.nodeId(), node.identityPublicKey()) ? node : null;
                },
                (old, neu) -> neu.updatedTimestamp() >= old.updatedTimestamp() ? neu : old,
                CompactedTopicView.Refused.IGNORED, r -> control.admit(r).admitted());
    }

    void start(@Observes StartupEvent event) {
        view.start();
    }

    void stop(@Observes ShutdownEvent event) {
        view.stop();
    }

    /** The node's latest announcement, if it ever announced itself. */
    public Optional<TssNodeInfo> find(String nodeId) {
        return view.find(nodeId);
    }

    /** Every known node, by node id. */
    public List<TssNodeInfo> all() {
        return view.snapshot().values().stream().sorted(Comparator.comparing(TssNodeInfo::nodeId)).toList();
    }

    /** Whether the node is online now (announced Online within three heartbeats). */
    public boolean online(String nodeId) {
        long now = System.currentTimeMillis();
        return find(nodeId).map(n -> n.online(now)).orElse(false);
    }

    /** Whether the view has read the topic up to where it stood at start. */
    public boolean caughtUp() {
        return view.caughtUp();
    }
}

package io.openwaas.tss.node;

import io.openwaas.tss.callback.RiskCallback;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.domain.RequestHandler;
import io.openwaas.tss.domain.RestartRecovery;
import io.openwaas.tss.messaging.RequestConsumer;
import io.openwaas.tss.persistence.TssStore;
import io.openwaas.tss.transport.NodeDirectory;
import io.openwaas.tss.transport.PeerTransport;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.SecureRandom;

/**
 * The node's lifecycle: load (or make) its keys, ping its callback server, follow {@code tss.nodes} and announce
 * itself, open the peer transport, settle what a previous run left unfinished ({@link RestartRecovery}), then take
 * requests. Stops in the reverse order and announces {@code Offline}.
 */
@ApplicationScoped
public class Node {

    private static final Logger LOG = Logger.getLogger(Node.class);

    private final TssConfig config;
    private final TssStore store;
    private final RiskCallback callback;
    private final NodeDirectory directory;
    private final PeerTransport transport;
    private final RequestHandler handler;
    private final RequestConsumer consumer;
    private final RestartRecovery recovery;
    private volatile NodeKeys keys;

    public Node(TssConfig config, TssStore store, RiskCallback callback, NodeDirectory directory,
                PeerTransport transport, RequestHandler handler, RequestConsumer consumer, RestartRecovery recovery) {
        this.config = config;
        this.store = store;
        this.callback = callback;
        this.directory = directory;
        this.transport = transport;
        this.handler = handler;
        this.consumer = consumer;
        this.recovery = recovery;
    }

    void start(@Observes StartupEvent event) {
        keys = NodeKeys.loadOrCreate(config, store, new SecureRandom());
        callback.start(keys);
        directory.start(keys, callback.configured());
        transport.start(keys);
        handler.start(keys);
        int settled = recovery.recover();
        if (settled > 0) {
            LOG.infof("settled %d request(s) a previous run of this node left unfinished", settled);
        }
        consumer.start();
        LOG.infof("TSS node %s (party %s) started; identity key %s", keys.nodeId(), keys.partyId(),
                keys.identityPublicKeyHex());
    }

    void stop(@Observes ShutdownEvent event) {
        consumer.stop();
        handler.stop();
        transport.stop();
        directory.stop();
    }

    public NodeKeys keys() {
        return keys;
    }

    /** Ready to take part in sessions: keys loaded, peers known, topics followed. */
    public boolean ready() {
        return keys != null && directory.caughtUp() && transport.ready() && consumer.ready();
    }
}

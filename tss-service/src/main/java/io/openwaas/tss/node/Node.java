package io.openwaas.tss.node;

import io.openwaas.platform.config.ControlConfig;
import io.openwaas.platform.config.SecretFile;
import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.platform.events.signing.RecordSigner;
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
    private final ControlConfig controlConfig;
    private final ControlRecords control;
    private volatile NodeKeys keys;

    public Node(TssConfig config, TssStore store, RiskCallback callback, NodeDirectory directory,
                PeerTransport transport, RequestHandler handler, RequestConsumer consumer, RestartRecovery recovery,
                ControlConfig controlConfig, ControlRecords control) {
        this.config = config;
        this.controlConfig = controlConfig;
        this.control = control;
        this.store = store;
        this.callback = callback;
        this.directory = directory;
        this.transport = transport;
        this.handler = handler;
        this.consumer = consumer;
        this.recovery = recovery;
    }

    void start(@Observes StartupEvent event) {
        java.util.Optional<byte[]> identity = SecretFile.fileOrValue(controlConfig.signingKeyFile(),
                controlConfig.signingKey(), "openwaas.control.signing-key").map(java.util.HexFormat.of()::parseHex);
        keys = NodeKeys.loadOrCreate(config, store, new SecureRandom(), identity);
        identity.ifPresent(b -> java.util.Arrays.fill(b, (byte) 0));
        checkControlIdentity();
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

    /**
     * The node signs its control records (tss.results, tss.nodes) with its identity key, as its node id; the other
     * services and nodes admit them only under the key they pin for that id.
     */
    private void checkControlIdentity() {
        if (!control.signs()) {
            control.useSignerIfNone(RecordSigner.wrap(keys.nodeId(), keys.identity().getEncoded()));
        }
        if (!keys.nodeId().equals(control.signerName())) {
            throw new IllegalStateException("openwaas.control.signer-name is " + control.signerName()
                    + ", but this node is " + keys.nodeId());
        }
        String pinned = control.pinned(keys.nodeId());
        if (pinned == null) {
            LOG.warnf("no key pinned for %s in openwaas.control.trusted-keys: the platform will refuse its records; "
                    + "pin %s:%s", keys.nodeId(), keys.nodeId(), keys.identityPublicKeyHex());
        } else if (!pinned.equalsIgnoreCase(keys.identityPublicKeyHex())) {
            LOG.errorf("the key pinned for %s (%s) is not this node's identity key %s: the platform will refuse its "
                    + "records", keys.nodeId(), pinned, keys.identityPublicKeyHex());
        }
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

package io.openwaas.tss.api;

import io.openwaas.platform.events.signing.ControlRecords;
import io.openwaas.tss.callback.RiskCallback;
import io.openwaas.tss.domain.RequestHandler;
import io.openwaas.tss.node.Node;
import io.openwaas.tss.node.NodeKeys;
import io.openwaas.tss.persistence.KeyRecord;
import io.openwaas.tss.persistence.TssStore;
import io.openwaas.tss.transport.DroppedMessage;
import io.openwaas.tss.transport.PeerTransport;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The node's read-only admin API (no secret is ever part of it): its identity and status, the keys it holds a share
 * of (status, never the share) and the peer messages it dropped; the control records it refused are at
 * {@code /admin/dropped-records} (libs/platform). Operators only: the operator JWT.
 */
@RolesAllowed("operator")
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminResource {

    /**
     * The node's status. {@code approveAllTestMode}: no callback server and every request approved (tests only);
     * {@code refusedRecords}: control records refused (listed at {@code /admin/dropped-records}).
     */
    public record NodeStatus(String nodeId, int partyId, String identityPublicKey, String encryptionPublicKey,
                             String callbackPublicKey, boolean callbackConfigured, boolean approveAllTestMode,
                             String callback, boolean ready, int runningSessions, long droppedMessages,
                             long refusedRecords, int paillierKeysReady) {
    }

    private final Node node;
    private final RiskCallback callback;
    private final RequestHandler handler;
    private final PeerTransport transport;
    private final TssStore store;
    private final ControlRecords control;

    public AdminResource(Node node, RiskCallback callback, RequestHandler handler, PeerTransport transport,
                         TssStore store, ControlRecords control) {
        this.control = control;
        this.node = node;
        this.callback = callback;
        this.handler = handler;
        this.transport = transport;
        this.store = store;
    }

    @GET
    @Path("/status")
    public NodeStatus status() {
        NodeKeys k = node.keys();
        return new NodeStatus(k.nodeId(), k.partyId().value().intValueExact(), k.identityPublicKeyHex(),
                k.encryptionPublicKeyHex(), k.callbackPublicKeyPem(), callback.configured(),
                callback.approveAllTestMode(), callback.status(), node.ready(), handler.runningSessions(),
                transport.droppedCount(), control.refusedCount(), handler.paillierReady());
    }

    @GET
    @Path("/keys")
    public List<KeyRecord> keys() {
        return store.allKeys();
    }

    @GET
    @Path("/dropped-messages")
    public List<DroppedMessage> dropped() {
        return transport.dropped();
    }
}

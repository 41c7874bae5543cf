package io.openwaas.tss.api;

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
 * of (status, never the share) and the peer messages it dropped. Operators only: the operator JWT.
 */
@RolesAllowed("operator")
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminResource {

    /** The node's status. */
    public record NodeStatus(String nodeId, int partyId, String identityPublicKey, String encryptionPublicKey,
                             String callbackPublicKey, boolean callbackConfigured, String callback, boolean ready,
                             int runningSessions, long droppedMessages, int paillierKeysReady) {
    }

    private final Node node;
    private final RiskCallback callback;
    private final RequestHandler handler;
    private final PeerTransport transport;
    private final TssStore store;

    public AdminResource(Node node, RiskCallback callback, RequestHandler handler, PeerTransport transport,
                         TssStore store) {
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
                k.encryptionPublicKeyHex(), k.callbackPublicKeyPem(), callback.configured(), callback.status(),
                node.ready(), handler.runningSessions(), transport.droppedCount(), handler.paillierReady());
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

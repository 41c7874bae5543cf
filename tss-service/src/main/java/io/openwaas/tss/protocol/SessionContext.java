package io.openwaas.tss.protocol;

import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.tss.node.NodeKeys;
import io.openwaas.tss.session.Sessions;
import io.openwaas.tss.transport.NodeDirectory;
import io.openwaas.tss.transport.PeerEnvelope;
import io.openwaas.tss.transport.PeerTransport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a protocol run of one request needs: this node's keys, the other nodes, the transport, the session timeout
 * and the Paillier pool. Sessions are bound to the request id: every libs/mpc session id is derived from it and the
 * task name.
 */
public final class SessionContext {

    private final String requestId;
    private final long timeoutMillis;
    private final NodeKeys keys;
    private final NodeDirectory directory;
    private final PeerTransport transport;
    private final Sessions sessions;
    private final PaillierPool paillier;
    private final SecureRandom rnd;

    public SessionContext(String requestId, long timeoutMillis, NodeKeys keys, NodeDirectory directory,
                          PeerTransport transport, Sessions sessions, PaillierPool paillier, SecureRandom rnd) {
        this.requestId = requestId;
        this.timeoutMillis = timeoutMillis;
        this.keys = keys;
        this.directory = directory;
        this.transport = transport;
        this.sessions = sessions;
        this.paillier = paillier;
        this.rnd = rnd;
    }

    public String requestId() {
        return requestId;
    }

    public NodeKeys keys() {
        return keys;
    }

    public String self() {
        return keys.nodeId();
    }

    public PartyId selfParty() {
        return keys.partyId();
    }

    public NodeDirectory directory() {
        return directory;
    }

    public PaillierPool paillier() {
        return paillier;
    }

    public SecureRandom rnd() {
        return rnd;
    }

    public Channel channel(String task) {
        return new Channel(transport, sessions, requestId, task, timeoutMillis);
    }

    /** Tells every participant that this node stops the session, and why. */
    public void abortPeers(String reason) {
        transport.send(PeerEnvelope.Kind.ABORT, requestId, "*", 0, "", reason.getBytes(StandardCharsets.UTF_8));
    }

    /** The libs/mpc session id of a task: SHA-256 over a domain tag, the request id and the task. */
    public SessionId sessionId(String task) {
        return sessionId(requestId, task);
    }

    /** {@link #sessionId(String)} of any request (every participant derives the same). */
    public static SessionId sessionId(String requestId, String task) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {"openwaas/tss/session/v1", requestId, task}) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                d.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                        (byte) b.length});
                d.update(b);
            }
            return SessionId.wrap(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The party id of a node (this node's own, or an announced peer's). */
    public PartyId party(String nodeId) {
        return nodeId.equals(self()) ? selfParty() : directory.require(nodeId).partyId();
    }

    public List<PartyId> parties(Collection<String> nodeIds) {
        List<PartyId> out = new ArrayList<>();
        for (String n : nodeIds) {
            out.add(party(n));
        }
        return out;
    }

    /** The node of a party id among {@code nodeIds}. */
    public String node(PartyId party, Collection<String> nodeIds) {
        for (String n : nodeIds) {
            if (party(n).equals(party)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no node with party id " + party);
    }
}

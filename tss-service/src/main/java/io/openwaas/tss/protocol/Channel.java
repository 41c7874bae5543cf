package io.openwaas.tss.protocol;

import io.openwaas.tss.session.Sessions;
import io.openwaas.tss.transport.PeerEnvelope;
import io.openwaas.tss.transport.PeerTransport;

/** One task of a session as its protocol code sees it: send, broadcast, and wait for a peer's message of a round. */
public final class Channel {

    private final PeerTransport transport;
    private final Sessions sessions;
    private final String session;
    private final String task;
    private final long timeoutMillis;

    Channel(PeerTransport transport, Sessions sessions, String session, String task, long timeoutMillis) {
        this.transport = transport;
        this.sessions = sessions;
        this.session = session;
        this.task = task;
        this.timeoutMillis = timeoutMillis;
    }

    public String task() {
        return task;
    }

    /** Point to point, encrypted to {@code to}. */
    public void send(int round, String to, byte[] payload) {
        transport.send(PeerEnvelope.Kind.PROTOCOL, session, task, round, to, payload);
    }

    /** To every participant, signed, in clear (public values only). */
    public void broadcast(int round, byte[] payload) {
        transport.send(PeerEnvelope.Kind.PROTOCOL, session, task, round, "", payload);
    }

    /** A public control message to every participant. */
    public void control(int round, byte[] payload) {
        transport.send(PeerEnvelope.Kind.CONTROL, session, task, round, "", payload);
    }

    /** Waits for {@code from}'s message of {@code round} (fails after the session timeout, naming {@code from}). */
    public byte[] receive(int round, String from) {
        return sessions.take(session, task, round, from, timeoutMillis);
    }
}

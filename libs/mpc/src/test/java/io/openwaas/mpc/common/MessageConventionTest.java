package io.openwaas.mpc.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageConventionTest {

    static final SessionId S = SessionId.wrap(new byte[16]);
    static final PartyId P1 = PartyId.of(1);
    static final PartyId P2 = PartyId.of(2);
    static final PartyId P3 = PartyId.of(3);

    /** A minimal message following the convention, for the test. */
    record Ping(MessageHeader header, int payload) implements ProtocolMessage {
        static final int TYPE = 0x00FF;

        @Override
        public byte[] toBytes() {
            WireWriter w = WireWriter.start(TYPE, 1);
            header.write(w);
            return w.writeU8(payload).toBytes();
        }

        static Ping parse(byte[] b) {
            WireReader r = WireReader.open(b, TYPE, 1);
            Ping p = new Ping(MessageHeader.read(r), r.readU8());
            r.finish();
            return p;
        }

        void validate(MessageContext ctx) {
            header.validate(ctx);
            if (payload > 10) {
                throw MpcAbortException.blame(ctx.protocol(), ctx.round(), AbortReason.OUT_OF_RANGE, sender(), "big");
            }
        }
    }

    static MessageContext ctx() {
        return new MessageContext("ping", 1, S, P1, Set.of(P2, P3), false);
    }

    @Test
    void headerRoundTripsAndValidates() {
        Ping p = new Ping(MessageHeader.broadcast("ping", 1, S, P2), 4);
        Ping q = Ping.parse(p.toBytes());
        assertEquals(p, q);
        q.validate(ctx());
        Ping d = new Ping(MessageHeader.direct("ping", 1, S, P2, P1), 4);
        assertEquals(d, Ping.parse(d.toBytes()));
    }

    @Test
    void envelopeViolationsNameTheSender() {
        var e1 = assertThrows(MpcAbortException.class,
                () -> new Ping(MessageHeader.broadcast("ping", 1, SessionId.wrap(new byte[17]), P2), 1).validate(ctx()));
        assertEquals(AbortReason.WRONG_SESSION, e1.reason());
        assertEquals(Set.of(P2), e1.culprits());
        var e2 = assertThrows(MpcAbortException.class,
                () -> new Ping(MessageHeader.broadcast("ping", 2, S, P3), 1).validate(ctx()));
        assertEquals(AbortReason.WRONG_ROUND, e2.reason());
        assertEquals(Set.of(P3), e2.culprits());
        var e3 = assertThrows(MpcAbortException.class,
                () -> new Ping(MessageHeader.broadcast("ping", 1, S, PartyId.of(4)), 1).validate(ctx()));
        assertEquals(AbortReason.UNEXPECTED_SENDER, e3.reason());
        var e4 = assertThrows(MpcAbortException.class,
                () -> new Ping(MessageHeader.direct("ping", 1, S, P2, P3), 1).validate(ctx()));
        assertEquals(AbortReason.UNEXPECTED_SENDER, e4.reason());
        var e5 = assertThrows(MpcAbortException.class,
                () -> new Ping(MessageHeader.broadcast("ping", 1, S, P2), 11).validate(ctx()));
        assertEquals(AbortReason.OUT_OF_RANGE, e5.reason());
        assertTrue(e5.getMessage().contains("ping round 1"));
        assertTrue(e5.getMessage().contains("P2"));
    }

    @Test
    void inboxRejectsReplayAndReportsMissing() {
        RoundInbox<Ping> inbox = new RoundInbox<>(ctx(), m -> m.validate(ctx()));
        Ping p = new Ping(MessageHeader.broadcast("ping", 1, S, P2), 4);
        inbox.accept(p);
        assertFalse(inbox.isComplete());
        var missing = assertThrows(MpcAbortException.class, inbox::messages);
        assertEquals(AbortReason.MISSING_MESSAGE, missing.reason());
        assertEquals(Set.of(P3), missing.culprits());
        var replay = assertThrows(MpcAbortException.class, () -> inbox.accept(p));
        assertEquals(AbortReason.REPLAYED_MESSAGE, replay.reason());
        assertEquals(Set.of(P2), replay.culprits());
        inbox.accept(new Ping(MessageHeader.broadcast("ping", 1, S, P3), 5));
        assertTrue(inbox.isComplete());
        assertEquals(2, inbox.messages().size());
    }
}

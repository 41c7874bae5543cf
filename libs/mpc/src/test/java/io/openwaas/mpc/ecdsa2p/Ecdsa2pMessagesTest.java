package io.openwaas.mpc.ecdsa2p;

import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P1;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.P2;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.RND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openwaas.mpc.common.ProtocolMessage;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Versioned canonical encodings of every ecdsa2p message: round trip, type tag, version, no trailing bytes. */
class Ecdsa2pMessagesTest {

    private static void assertCanonical(ProtocolMessage m, int type, Function<byte[], ? extends ProtocolMessage> parse) {
        assertCanonical(m, type, 1, parse);
    }

    private static void assertCanonical(ProtocolMessage m, int type, int version,
                                        Function<byte[], ? extends ProtocolMessage> parse) {
        byte[] b = m.toBytes();
        assertEquals(type, WireReader.peekType(b));
        assertEquals(version, b[2], "format version");
        ProtocolMessage back = parse.apply(b);
        assertArrayEquals(b, back.toBytes());
        assertEquals(m.header(), back.header());
        assertThrows(WireFormatException.class, () -> parse.apply(Arrays.copyOf(b, b.length + 1)));
        assertThrows(WireFormatException.class, () -> parse.apply(Arrays.copyOf(b, b.length - 1)));
        byte[] v2 = b.clone();
        v2[2] = (byte) (version + 1);
        assertThrows(WireFormatException.class, () -> parse.apply(v2));
    }

    @Test
    void keygenAndSetupMessagesAreCanonical() {
        SessionId s = SessionId.random();
        InProcessEcdsa2p.AuxState aux1 = Ecdsa2pFixtures.aux(P1);
        InProcessEcdsa2p.AuxState aux2 = Ecdsa2pFixtures.aux(P2);
        KeygenRound1 a1 = KeygenRound1.start(s, P1, P2, Ecdsa2pFixtures.p1Paillier(), aux1.own(), aux1.peer(P2), RND);
        KeygenRound2 b2 = KeygenRound2.start(s, P2, P1, a1.message(), aux2.own(), aux2.peer(P1), RND);
        KeygenRound3 a3 = a1.next(b2.message());
        assertCanonical(a1.message(), 0x1201, KeygenMessage1::parse);
        // version 2 since the aux setup: no ring-Pedersen parameters or Π^prm in key generation
        assertCanonical(b2.message(), 0x1202, 2, KeygenMessage2::parse);
        assertCanonical(a3.message(), 0x1203, 2, KeygenMessage3::parse);
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.copy();
        SetupRound1 r1 = Refresh.startAsP2(s, k.p2(), aux2.own(), aux2.peer(P1), RND);
        assertCanonical(r1.message(), 0x1221, 2, SetupMessage1::parse);
        // a message of another type is refused by each parser
        assertThrows(WireFormatException.class, () -> KeygenMessage2.parse(a1.message().toBytes()));
    }

    @Test
    void signingMessagesAreCanonicalInBothModes() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        for (SignContext.Mode mode : List.of(SignContext.Mode.GLOBAL_ABORT, SignContext.Mode.PROVED)) {
            SignContext c = SignContext.of(SessionId.random(), Ecdsa2pFixtures.randomHash(), mode);
            SignRound1 a1 = SignRound1.start(k.p1(), c, RND);
            SignRound2 b2 = SignRound2.start(k.p2(), c, a1.message(), RND);
            SignRound3 a3 = a1.next(b2.message());
            SignRound4 b4 = b2.next(a3.message());
            assertCanonical(a1.message(), 0x1211, SignMessage1::parse);
            assertCanonical(b2.message(), 0x1212, SignMessage2::parse);
            assertCanonical(a3.message(), 0x1213, SignMessage3::parse);
            assertCanonical(b4.message(), 0x1214, SignMessage4::parse);
            Ecdsa2pFixtures.assertValid(k.p1().publicKey(), c.messageHash(),
                    a3.finish(SignMessage4.parse(b4.message().toBytes())));
        }
    }
}

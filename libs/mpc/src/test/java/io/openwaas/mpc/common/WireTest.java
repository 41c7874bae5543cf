package io.openwaas.mpc.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireTest {

    static final BigInteger Q = PartyIdTest.Q;

    private static byte[] sample() {
        return WireWriter.start(0x0001, 1).writeU8(7).writeU16(513).writeU32(70000).writeBoolean(true)
                .writeBytes(new byte[] {1, 2, 3}).writeString("héllo").writeBigInteger(BigInteger.valueOf(256))
                .writePartyId(PartyId.of(3)).writeSessionId(SessionId.wrap(new byte[20]))
                .writeSecret(SecretScalar.of(BigInteger.TEN, Q)).writeCount(2).writeFixed(new byte[] {9, 9})
                .toBytes();
    }

    @Test
    void roundTrip() {
        WireReader r = WireReader.open(sample(), 0x0001, 1);
        assertEquals(7, r.readU8());
        assertEquals(513, r.readU16());
        assertEquals(70000, r.readU32());
        assertTrue(r.readBoolean());
        assertArrayEquals(new byte[] {1, 2, 3}, r.readBytes(3));
        assertEquals("héllo", r.readString(16));
        assertEquals(BigInteger.valueOf(256), r.readBigInteger(16));
        assertEquals(PartyId.of(3), r.readPartyId());
        assertEquals(SessionId.wrap(new byte[20]), r.readSessionId());
        assertEquals(BigInteger.TEN, r.readSecret(Q).value());
        assertEquals(2, r.readCount(2));
        assertArrayEquals(new byte[] {9, 9}, r.readFixed(2));
        r.finish();
    }

    @Test
    void rejectsWrongTypeAndVersion() {
        byte[] b = sample();
        assertThrows(WireFormatException.class, () -> WireReader.open(b, 0x0002, 1));
        assertThrows(WireFormatException.class, () -> WireReader.open(b, 0x0001, 2));
        assertEquals(1, WireReader.peekType(b));
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] b = WireWriter.start(5, 1).writeU8(1).toBytes();
        byte[] longer = Arrays.copyOf(b, b.length + 1);
        WireReader r = WireReader.open(longer, 5, 1);
        r.readU8();
        assertThrows(WireFormatException.class, r::finish);
    }

    @Test
    void rejectsTruncationAndOverlongLengths() {
        byte[] b = WireWriter.start(5, 1).writeBytes(new byte[10]).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(b, 5, 1).readBytes(9));
        byte[] cut = Arrays.copyOf(b, b.length - 1);
        assertThrows(WireFormatException.class, () -> WireReader.open(cut, 5, 1).readBytes(10));
        // A length of 2^31 + ... (negative as int) is rejected rather than wrapping.
        byte[] huge = WireWriter.start(5, 1).writeFixed(new byte[] {(byte) 0x80, 0, 0, 0}).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(huge, 5, 1).readBytes(Integer.MAX_VALUE));
        assertThrows(WireFormatException.class,
                () -> WireReader.open(WireWriter.start(5, 1).writeCount(8).toBytes(), 5, 1).readCount(7));
    }

    @Test
    void rejectsNonCanonicalFields() {
        byte[] bool = WireWriter.start(5, 1).writeU8(2).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(bool, 5, 1).readBoolean());
        byte[] leadingZero = WireWriter.start(5, 1).writeBytes(new byte[] {0, 1}).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(leadingZero, 5, 1).readBigInteger(64));
        byte[] tooWide = WireWriter.start(5, 1).writeBigInteger(BigInteger.valueOf(512)).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(tooWide, 5, 1).readBigInteger(9));
        byte[] zeroId = WireWriter.start(5, 1).writeBigInteger(BigInteger.ZERO).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(zeroId, 5, 1).readPartyId());
        byte[] unreduced = WireWriter.start(5, 1).writeFixed(Bytes.fixed(Q, 32)).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(unreduced, 5, 1).readSecret(Q));
        byte[] shortSession = WireWriter.start(5, 1).writeBytes(new byte[8]).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(shortSession, 5, 1).readSessionId());
        byte[] badUtf8 = WireWriter.start(5, 1).writeBytes(new byte[] {(byte) 0xC3}).toBytes();
        assertThrows(WireFormatException.class, () -> WireReader.open(badUtf8, 5, 1).readString(4));
    }

    @Test
    void secretScalarIsRedactedAndZeroed() {
        SecretScalar s = SecretScalar.of(new BigInteger("123456789"), Q);
        assertFalse(s.toString().contains("123456789"));
        assertFalse(s.toString().contains(Bytes.hex(s.toBytes())));
        assertEquals(32, s.toBytes().length);
        SecretScalar t = SecretScalar.wrap(s.toBytes(), Q);
        assertTrue(s.sameValue(t));
        s.destroy();
        assertTrue(s.isDestroyed());
        assertThrows(IllegalStateException.class, s::value);
        assertEquals("SecretScalar[destroyed]", s.toString());
        assertThrows(IllegalArgumentException.class, () -> SecretScalar.wrap(Bytes.fixed(Q, 32), Q));
        assertThrows(IllegalArgumentException.class, () -> SecretScalar.wrap(new byte[31], Q));
        SecretScalar r = SecretScalar.random(Q);
        assertFalse(r.isZero());
        assertEquals(BigInteger.ZERO, r.add(r.negate()).value());
    }
}

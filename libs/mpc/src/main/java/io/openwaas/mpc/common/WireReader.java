package io.openwaas.mpc.common;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reader of the encoding written by {@link WireWriter}. It rejects (with {@link WireFormatException}) a wrong
 * type or version, truncation, a length above the bound the caller gives, a non-canonical big integer or
 * boolean, and — on {@link #finish()} — trailing bytes. Every decoder must call {@link #finish()}.
 */
public final class WireReader {

    /** Upper bound on any whole encoding (Paillier proofs included). */
    public static final int MAX_ENCODING = 16 * 1024 * 1024;

    private final byte[] data;
    private int pos;

    private WireReader(byte[] data) {
        this.data = data;
    }

    /**
     * Opens an encoding and checks its header.
     *
     * @throws WireFormatException if the type or version differs or the input is too large
     */
    public static WireReader open(byte[] data, int expectedType, int expectedVersion) {
        if (data == null) {
            throw new WireFormatException("no data");
        }
        if (data.length > MAX_ENCODING) {
            throw new WireFormatException("encoding too large");
        }
        WireReader r = new WireReader(data);
        int type = r.readU16();
        if (type != expectedType) {
            throw new WireFormatException("wrong type 0x" + Integer.toHexString(type) + ", expected 0x"
                    + Integer.toHexString(expectedType));
        }
        int version = r.readU8();
        if (version != expectedVersion) {
            throw new WireFormatException("unsupported version " + version + ", expected " + expectedVersion);
        }
        return r;
    }

    /** The type tag of an encoding without decoding it (for dispatch); −1 if too short. */
    public static int peekType(byte[] data) {
        if (data == null || data.length < 3) {
            return -1;
        }
        return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
    }

    private void need(int n) {
        if (n < 0 || data.length - pos < n) {
            throw new WireFormatException("truncated");
        }
    }

    public int readU8() {
        need(1);
        return data[pos++] & 0xFF;
    }

    public int readU16() {
        need(2);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** A {@code u32} that must fit in a non-negative {@code int}. */
    public int readU32() {
        need(4);
        int v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
                | (data[pos + 3] & 0xFF);
        pos += 4;
        if (v < 0) {
            throw new WireFormatException("length out of range");
        }
        return v;
    }

    public boolean readBoolean() {
        int b = readU8();
        if (b > 1) {
            throw new WireFormatException("non-canonical boolean");
        }
        return b == 1;
    }

    /** Exactly {@code length} raw bytes. */
    public byte[] readFixed(int length) {
        need(length);
        byte[] b = Arrays.copyOfRange(data, pos, pos + length);
        pos += length;
        return b;
    }

    /** A length-prefixed byte string of at most {@code maxLength} bytes. */
    public byte[] readBytes(int maxLength) {
        int n = readU32();
        if (n > maxLength) {
            throw new WireFormatException("field longer than " + maxLength + " bytes");
        }
        return readFixed(n);
    }

    /** A length-prefixed UTF-8 string of at most {@code maxLength} bytes (malformed UTF-8 rejected). */
    public String readString(int maxLength) {
        byte[] b = readBytes(maxLength);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new WireFormatException("malformed UTF-8");
        }
    }

    /** A minimal unsigned big integer of at most {@code maxBits} bits. */
    public BigInteger readBigInteger(int maxBits) {
        byte[] b = readBytes((maxBits + 7) / 8);
        if (b.length > 0 && b[0] == 0) {
            throw new WireFormatException("non-minimal integer");
        }
        BigInteger v = new BigInteger(1, b);
        if (v.bitLength() > maxBits) {
            throw new WireFormatException("integer longer than " + maxBits + " bits");
        }
        return v;
    }

    public PartyId readPartyId() {
        BigInteger v = readBigInteger(PartyId.MAX_BITS);
        if (v.signum() == 0) {
            throw new WireFormatException("party id zero");
        }
        return PartyId.of(v);
    }

    public SessionId readSessionId() {
        byte[] b = readBytes(SessionId.MAX_LENGTH);
        if (b.length < SessionId.MIN_LENGTH) {
            throw new WireFormatException("session id too short");
        }
        return SessionId.wrap(b);
    }

    /** A secret scalar of the fixed length of {@code q}, which must be reduced; the temporary is zeroed. */
    public SecretScalar readSecret(BigInteger q) {
        byte[] b = readFixed((q.bitLength() + 7) / 8);
        try {
            if (new BigInteger(1, b).compareTo(q) >= 0) {
                throw new WireFormatException("secret scalar not reduced");
            }
            return SecretScalar.wrap(b, q);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** A list count of at most {@code max}. */
    public int readCount(int max) {
        int n = readU32();
        if (n > max) {
            throw new WireFormatException("list longer than " + max);
        }
        return n;
    }

    /** Bytes not yet read. */
    public int remaining() {
        return data.length - pos;
    }

    /** Ends decoding; rejects trailing bytes. */
    public void finish() {
        if (pos != data.length) {
            throw new WireFormatException((data.length - pos) + " trailing bytes");
        }
    }
}

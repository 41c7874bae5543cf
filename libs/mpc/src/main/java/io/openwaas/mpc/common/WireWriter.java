package io.openwaas.mpc.common;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writer of the canonical, versioned, length-prefixed binary encoding used for every message and key
 * share of {@code libs/mpc}. Read it back with {@link WireReader}.
 *
 * <p>Layout: {@code u16 type ‖ u8 version ‖ fields…}. Integers are big-endian. Variable-length fields
 * carry a {@code u32} length. Big integers are unsigned and minimal (no leading zero byte; zero is empty).
 * Booleans are exactly {@code 0x00} or {@code 0x01}. There is exactly one encoding per value, so
 * encodings can be compared and hashed.
 *
 * <p>Type tags are allocated per package so that two engineers never collide:
 * {@code 0x00xx} common, {@code 0x01xx} dkg, {@code 0x02xx} frost, {@code 0x03xx} reshare,
 * {@code 0x10xx} paillier, {@code 0x11xx} zk, {@code 0x12xx} ecdsa2p.
 */
public final class WireWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    private WireWriter() {
    }

    /** Starts an encoding of object type {@code type} (0..65535) at format {@code version} (1..255). */
    public static WireWriter start(int type, int version) {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("type out of range");
        }
        if (version < 1 || version > 0xFF) {
            throw new IllegalArgumentException("version out of range");
        }
        WireWriter w = new WireWriter();
        w.writeU16(type);
        w.writeU8(version);
        return w;
    }

    public WireWriter writeU8(int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException("u8 out of range");
        }
        out.write(v);
        return this;
    }

    public WireWriter writeU16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("u16 out of range");
        }
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    /** A non-negative {@code int} as 4 bytes. */
    public WireWriter writeU32(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("u32 must be non-negative");
        }
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    public WireWriter writeBoolean(boolean b) {
        out.write(b ? 1 : 0);
        return this;
    }

    /** Raw bytes whose length the reader knows (e.g. an encoded point of the group's fixed length). */
    public WireWriter writeFixed(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** {@code u32(length) ‖ bytes}. */
    public WireWriter writeBytes(byte[] b) {
        writeU32(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    /** A UTF-8 string, length-prefixed. */
    public WireWriter writeString(String s) {
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A non-negative integer, minimal unsigned big-endian, length-prefixed. */
    public WireWriter writeBigInteger(BigInteger v) {
        return writeBytes(Bytes.minimal(v));
    }

    public WireWriter writePartyId(PartyId id) {
        return writeBigInteger(id.value());
    }

    public WireWriter writeSessionId(SessionId id) {
        return writeBytes(id.toBytes());
    }

    /** A secret scalar in its fixed-length form; the temporary copy is zeroed. */
    public WireWriter writeSecret(SecretScalar s) {
        byte[] b = s.toBytes();
        try {
            return writeFixed(b);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** The count of a following list, as {@code u32}. */
    public WireWriter writeCount(int n) {
        return writeU32(n);
    }

    /** The encoding. */
    public byte[] toBytes() {
        return out.toByteArray();
    }
}

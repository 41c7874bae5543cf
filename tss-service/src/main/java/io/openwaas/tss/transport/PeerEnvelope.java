package io.openwaas.tss.transport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One record on {@code tss.peer}: a header naming the session (the TSS request id), the task within it (e.g.
 * {@code keygen/SECP256K1}, {@code sign/0}), the round, the sender and the recipient (empty: every participant),
 * then the payload — encrypted to the recipient when there is one — and the sender's Ed25519 signature over all of
 * it.
 *
 * <p>Encoding: {@code "OWP1" ‖ u8 kind ‖ str session ‖ str task ‖ u32 round ‖ str from ‖ str to ‖ u64 sentAt ‖
 * 16-byte message id ‖ u32 len ‖ payload ‖ 64-byte signature}; {@code str} is {@code u16 len ‖ UTF-8}. The header is
 * everything before the payload length; it is the AES-GCM associated data of an encrypted payload.
 */
public record PeerEnvelope(Kind kind, String session, String task, int round, String from, String to, long sentAt,
                           UUID messageId, byte[] payload) {

    /** What a record carries. */
    public enum Kind {
        /** A libs/mpc protocol message. */
        PROTOCOL,
        /** The sender stops the session: its callback server rejected, or its protocol aborted; payload = reason. */
        ABORT,
        /** A public control message (e.g. a reshare's "new share stored" confirmation). */
        CONTROL
    }

    static final byte[] MAGIC = "OWP1".getBytes(StandardCharsets.US_ASCII);
    static final int SIGNATURE_LENGTH = 64;
    static final int MAX_PAYLOAD = 16 << 20;

    public boolean broadcast() {
        return to.isEmpty();
    }

    /** The header bytes (also the associated data of an encrypted payload). */
    public byte[] header() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(kind.ordinal());
            writeString(out, session);
            writeString(out, task);
            out.writeInt(round);
            writeString(out, from);
            writeString(out, to);
            out.writeLong(sentAt);
            out.writeLong(messageId.getMostSignificantBits());
            out.writeLong(messageId.getLeastSignificantBits());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Header and payload: what the signature covers (after a domain prefix). */
    public byte[] signedPart() {
        byte[] header = header();
        byte[] out = new byte[header.length + 4 + payload.length];
        System.arraycopy(header, 0, out, 0, header.length);
        int n = payload.length;
        out[header.length] = (byte) (n >>> 24);
        out[header.length + 1] = (byte) (n >>> 16);
        out[header.length + 2] = (byte) (n >>> 8);
        out[header.length + 3] = (byte) n;
        System.arraycopy(payload, 0, out, header.length + 4, n);
        return out;
    }

    /** The wire record: signed part and signature. */
    public byte[] encode(byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be 64 bytes");
        }
        byte[] signed = signedPart();
        byte[] out = new byte[signed.length + SIGNATURE_LENGTH];
        System.arraycopy(signed, 0, out, 0, signed.length);
        System.arraycopy(signature, 0, out, signed.length, SIGNATURE_LENGTH);
        return out;
    }

    public PeerEnvelope withPayload(byte[] newPayload) {
        return new PeerEnvelope(kind, session, task, round, from, to, sentAt, messageId, newPayload);
    }

    /** A decoded record and its signature (not yet verified). */
    public record Signed(PeerEnvelope envelope, byte[] signature) {
    }

    /** Decodes a record; anything malformed is an {@link IllegalArgumentException}. */
    public static Signed decode(byte[] bytes) {
        if (bytes == null || bytes.length < MAGIC.length + SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("record too short");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0,
                bytes.length - SIGNATURE_LENGTH))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a tss.peer record");
            }
            int kind = in.readUnsignedByte();
            if (kind >= Kind.values().length) {
                throw new IllegalArgumentException("unknown record kind " + kind);
            }
            String session = readString(in);
            String task = readString(in);
            int round = in.readInt();
            String from = readString(in);
            String to = readString(in);
            long sentAt = in.readLong();
            UUID id = new UUID(in.readLong(), in.readLong());
            int n = in.readInt();
            if (n < 0 || n > MAX_PAYLOAD || n != in.available()) {
                throw new IllegalArgumentException("payload length does not match the record");
            }
            byte[] payload = in.readNBytes(n);
            byte[] sig = java.util.Arrays.copyOfRange(bytes, bytes.length - SIGNATURE_LENGTH, bytes.length);
            return new Signed(new PeerEnvelope(Kind.values()[kind], session, task, round, from, to, sentAt, id,
                    payload), sig);
        } catch (EOFException e) {
            throw new IllegalArgumentException("record truncated");
        } catch (IOException e) {
            throw new IllegalArgumentException("record unreadable");
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xffff) {
            throw new IllegalArgumentException("string too long");
        }
        out.writeShort(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return kind + " " + session + "/" + task + " round " + round + " " + from + "→" + (to.isEmpty() ? "*" : to)
                + " id " + messageId;
    }
}

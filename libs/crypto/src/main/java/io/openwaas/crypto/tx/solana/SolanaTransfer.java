package io.openwaas.crypto.tx.solana;

import io.openwaas.crypto.util.Bytes;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A native SOL transfer: the legacy-format message of one System Program {@code Transfer} instruction (what the fee
 * payer signs with Ed25519), and the wire transaction with the signature in place.
 *
 * <p>Message: header {@code [num_required_signatures=1, num_readonly_signed=0, num_readonly_unsigned=1]}, the
 * account keys {@code [from, to, 11111111111111111111111111111111]} (just {@code [from, system]} when sending to
 * oneself), the recent blockhash, one instruction {@code (program_id_index, accounts [from, to], data = u32 LE 2 ||
 * u64 LE lamports)}; arrays are prefixed with their compact-u16 length. Transaction = compact-u16 signature count ||
 * signatures (in account-key order: here only the fee payer's) || message.
 */
public final class SolanaTransfer {

    /** The System Program id (32 zero bytes, base58 {@code 11111111111111111111111111111111}). */
    public static final byte[] SYSTEM_PROGRAM = new byte[32];

    private SolanaTransfer() {
    }

    /** The message bytes to sign. */
    public static byte[] message(byte[] from32, byte[] to32, long lamports, byte[] recentBlockhash32) {
        if (from32.length != 32 || to32.length != 32 || recentBlockhash32.length != 32) {
            throw new IllegalArgumentException("keys and blockhash must be 32 bytes");
        }
        if (lamports < 0) {
            throw new IllegalArgumentException("lamports must not be negative");
        }
        boolean self = Arrays.equals(from32, to32);
        ByteArrayOutputStream m = new ByteArrayOutputStream(150);
        m.write(1);
        m.write(0);
        m.write(1);
        int systemIndex;
        if (self) {
            compactU16(m, 2);
            m.writeBytes(from32);
            m.writeBytes(SYSTEM_PROGRAM);
            systemIndex = 1;
        } else {
            compactU16(m, 3);
            m.writeBytes(from32);
            m.writeBytes(to32);
            m.writeBytes(SYSTEM_PROGRAM);
            systemIndex = 2;
        }
        m.writeBytes(recentBlockhash32);
        compactU16(m, 1);
        m.write(systemIndex);
        compactU16(m, 2);
        m.write(0);
        m.write(self ? 0 : 1);
        byte[] data = Bytes.concat(Bytes.int32LE(2), Bytes.int64LE(lamports));
        compactU16(m, data.length);
        m.writeBytes(data);
        return m.toByteArray();
    }

    /** The wire transaction: the fee payer's signature placed in slot 0, then the message. */
    public static byte[] transaction(byte[] message, byte[] signature64) {
        if (signature64.length != 64) {
            throw new IllegalArgumentException("Ed25519 signature must be 64 bytes");
        }
        if (message.length < 3 || message[0] != 1) {
            throw new IllegalArgumentException("expected a message with exactly one required signature");
        }
        ByteArrayOutputStream t = new ByteArrayOutputStream(message.length + 65);
        compactU16(t, 1);
        t.writeBytes(signature64);
        t.writeBytes(message);
        return t.toByteArray();
    }

    /** Solana's compact-u16 ("shortvec") length encoding: 7 bits per byte, little-endian, high bit = more. */
    public static void compactU16(ByteArrayOutputStream out, int v) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException("compact-u16 out of range");
        }
        int rem = v;
        while (true) {
            int b = rem & 0x7f;
            rem >>>= 7;
            if (rem == 0) {
                out.write(b);
                return;
            }
            out.write(b | 0x80);
        }
    }
}

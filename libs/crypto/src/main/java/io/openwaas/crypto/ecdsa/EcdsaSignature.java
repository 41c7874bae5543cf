package io.openwaas.crypto.ecdsa;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.util.Bytes;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * A secp256k1 ECDSA signature {@code (r, s)} with its recovery id (0–3, or -1 when unknown): bit 0 is the parity of
 * {@code R.y}, bit 1 says {@code R.x >= n}.
 */
public record EcdsaSignature(BigInteger r, BigInteger s, int recoveryId) {

    public EcdsaSignature {
        if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0 || s.signum() <= 0 || s.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("ECDSA r and s must be in [1, n-1]");
        }
        if (recoveryId < -1 || recoveryId > 3) {
            throw new IllegalArgumentException("recovery id must be -1..3");
        }
    }

    /** Whether {@code s <= n/2} (BIP-62 / EIP-2 low-S). */
    public boolean isLowS() {
        return s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    /** The low-S form: {@code s -> n - s} and the recovery id's parity bit flipped. */
    public EcdsaSignature normalizeS() {
        if (isLowS()) {
            return this;
        }
        return new EcdsaSignature(r, Secp256k1.N.subtract(s), recoveryId < 0 ? -1 : recoveryId ^ 1);
    }

    /** The same (r, s) with another recovery id. */
    public EcdsaSignature withRecoveryId(int id) {
        return new EcdsaSignature(r, s, id);
    }

    /** {@code r || s}, 64 bytes big-endian. */
    public byte[] toCompact() {
        return Bytes.concat(Bytes.toFixedBE(r, 32), Bytes.toFixedBE(s, 32));
    }

    /** Parses {@code r || s} (64 bytes); recovery id unknown unless given. */
    public static EcdsaSignature parseCompact(byte[] rs, int recoveryId) {
        if (rs.length != 64) {
            throw new IllegalArgumentException("compact signature must be 64 bytes");
        }
        return new EcdsaSignature(new BigInteger(1, Bytes.slice(rs, 0, 32)), new BigInteger(1, Bytes.slice(rs, 32, 64)),
                recoveryId);
    }

    /** Strict DER: {@code 30 len 02 len r 02 len s}, minimal lengths and integers. */
    public byte[] toDer() {
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(72);
        out.write(0x30);
        out.write(4 + rb.length + sb.length);
        out.write(0x02);
        out.write(rb.length);
        out.writeBytes(rb);
        out.write(0x02);
        out.write(sb.length);
        out.writeBytes(sb);
        return out.toByteArray();
    }

    /**
     * Parses a strict DER signature (X.690 DER: definite minimal lengths, minimal positive integers, no trailing
     * bytes).
     *
     * @throws IllegalArgumentException on any deviation or if r or s is outside {@code [1, n-1]}
     */
    public static EcdsaSignature parseDer(byte[] der) {
        int[] pos = {0};
        if (der.length < 2 || der[0] != 0x30) {
            throw new IllegalArgumentException("DER: expected SEQUENCE");
        }
        pos[0] = 1;
        int len = readLength(der, pos);
        if (pos[0] + len != der.length) {
            throw new IllegalArgumentException("DER: sequence length mismatch");
        }
        BigInteger r = readInteger(der, pos);
        BigInteger s = readInteger(der, pos);
        if (pos[0] != der.length) {
            throw new IllegalArgumentException("DER: trailing bytes");
        }
        return new EcdsaSignature(r, s, -1);
    }

    private static int readLength(byte[] b, int[] pos) {
        if (pos[0] >= b.length) {
            throw new IllegalArgumentException("DER: truncated length");
        }
        int first = b[pos[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7F;
        if (n == 0 || n > 2 || pos[0] + n > b.length) {
            throw new IllegalArgumentException("DER: bad length");
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (b[pos[0]++] & 0xFF);
        }
        if (len < 0x80 || (n == 2 && len < 0x100)) {
            throw new IllegalArgumentException("DER: non-minimal length");
        }
        return len;
    }

    private static BigInteger readInteger(byte[] b, int[] pos) {
        if (pos[0] >= b.length || b[pos[0]++] != 0x02) {
            throw new IllegalArgumentException("DER: expected INTEGER");
        }
        int len = readLength(b, pos);
        if (len == 0 || pos[0] + len > b.length) {
            throw new IllegalArgumentException("DER: bad integer length");
        }
        if ((b[pos[0]] & 0x80) != 0) {
            throw new IllegalArgumentException("DER: negative integer");
        }
        if (len > 1 && b[pos[0]] == 0 && (b[pos[0] + 1] & 0x80) == 0) {
            throw new IllegalArgumentException("DER: non-minimal integer");
        }
        if (len > 33) {
            throw new IllegalArgumentException("DER: integer too long");
        }
        BigInteger v = new BigInteger(1, Bytes.slice(b, pos[0], pos[0] + len));
        pos[0] += len;
        return v;
    }
}

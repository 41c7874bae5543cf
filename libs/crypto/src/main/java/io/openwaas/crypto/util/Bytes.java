package io.openwaas.crypto.util;

import java.math.BigInteger;

/** Byte-array helpers for fixed-length integer encodings. */
public final class Bytes {

    private Bytes() {
    }

    /**
     * {@code v} as exactly {@code len} big-endian bytes.
     *
     * @throws IllegalArgumentException if it does not fit or is negative
     */
    public static byte[] toFixedBE(BigInteger v, int len) {
        if (v.signum() < 0 || v.bitLength() > 8 * len) {
            throw new IllegalArgumentException("value does not fit in " + len + " bytes");
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int n = Math.min(raw.length, len);
        System.arraycopy(raw, raw.length - n, out, len - n, n);
        return out;
    }

    /** {@code v} as exactly {@code len} little-endian bytes. */
    public static byte[] toFixedLE(BigInteger v, int len) {
        return reverse(toFixedBE(v, len));
    }

    /** The unsigned big-endian integer. */
    public static BigInteger fromBE(byte[] b) {
        return new BigInteger(1, b);
    }

    /** The unsigned little-endian integer. */
    public static BigInteger fromLE(byte[] b) {
        return new BigInteger(1, reverse(b));
    }

    /** A reversed copy. */
    public static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    /** Concatenation. */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** 4-byte big-endian. */
    public static byte[] int32BE(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** 4-byte little-endian. */
    public static byte[] int32LE(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    /** 8-byte little-endian. */
    public static byte[] int64LE(long v) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (v >>> (8 * i));
        }
        return out;
    }

    /** A copy of {@code b[from, to)}. */
    public static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }
}

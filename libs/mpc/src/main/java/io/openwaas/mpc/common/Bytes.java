package io.openwaas.mpc.common;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Small byte helpers shared by the mpc packages. */
public final class Bytes {

    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {
    }

    /** Unsigned big-endian encoding of {@code v} in exactly {@code length} bytes. */
    public static byte[] fixed(BigInteger v, int length) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("negative value");
        }
        byte[] raw = v.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int len = raw.length - start;
        if (len > length) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        System.arraycopy(raw, start, out, length - len, len);
        return out;
    }

    /** Minimal unsigned big-endian encoding (zero is the empty array). */
    public static byte[] minimal(BigInteger v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("negative value");
        }
        if (v.signum() == 0) {
            return new byte[0];
        }
        return fixed(v, (v.bitLength() + 7) / 8);
    }

    /** A reversed copy. */
    public static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    /** Concatenation. */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    /** Constant-time equality. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Lower-case hex. */
    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Parses hex (either case). */
    public static byte[] fromHex(String s) {
        return HEX.parseHex(s);
    }
}

package io.openwaas.crypto.tx.evm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recursive Length Prefix encoding (Ethereum yellow paper, appendix B). Items are {@code byte[]} (strings) or
 * {@code List<Object>} (lists). The decoder is strict: canonical lengths and single bytes only.
 */
public final class Rlp {

    private Rlp() {
    }

    /** An unsigned integer as a minimal big-endian string (zero is the empty string). */
    public static byte[] uint(BigInteger v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned");
        }
        if (v.signum() == 0) {
            return new byte[0];
        }
        byte[] b = v.toByteArray();
        return b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    public static byte[] uint(long v) {
        return uint(BigInteger.valueOf(v));
    }

    /** Encodes an item tree. */
    public static byte[] encode(Object item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(item, out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object item, ByteArrayOutputStream out) {
        if (item instanceof byte[]) {
            byte[] b = (byte[]) item;
            if (b.length == 1 && (b[0] & 0xFF) < 0x80) {
                out.write(b[0]);
            } else {
                header(0x80, b.length, out);
                out.writeBytes(b);
            }
        } else if (item instanceof List) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Object o : (List<Object>) item) {
                write(o, body);
            }
            header(0xc0, body.size(), out);
            out.writeBytes(body.toByteArray());
        } else {
            throw new IllegalArgumentException("RLP items are byte[] or List");
        }
    }

    private static void header(int offset, int len, ByteArrayOutputStream out) {
        if (len < 56) {
            out.write(offset + len);
        } else {
            byte[] l = uint(len);
            out.write(offset + 55 + l.length);
            out.writeBytes(l);
        }
    }

    /**
     * Decodes exactly one item spanning the whole input.
     *
     * @throws IllegalArgumentException on truncated, trailing or non-canonical input
     */
    public static Object decode(byte[] in) {
        int[] pos = {0};
        Object o = read(in, pos, in.length);
        if (pos[0] != in.length) {
            throw new IllegalArgumentException("RLP: trailing bytes");
        }
        return o;
    }

    private static Object read(byte[] in, int[] pos, int end) {
        if (pos[0] >= end) {
            throw new IllegalArgumentException("RLP: truncated");
        }
        int b = in[pos[0]++] & 0xFF;
        if (b < 0x80) {
            return new byte[] {(byte) b};
        }
        boolean list = b >= 0xc0;
        int base = list ? 0xc0 : 0x80;
        int len;
        if (b - base < 56) {
            len = b - base;
        } else {
            int ll = b - base - 55;
            if (ll > 4 || pos[0] + ll > end || in[pos[0]] == 0) {
                throw new IllegalArgumentException("RLP: bad long length");
            }
            len = 0;
            for (int i = 0; i < ll; i++) {
                len = (len << 8) | (in[pos[0]++] & 0xFF);
            }
            if (len < 56) {
                throw new IllegalArgumentException("RLP: non-canonical long length");
            }
        }
        if (len < 0 || pos[0] + len > end) {
            throw new IllegalArgumentException("RLP: truncated payload");
        }
        if (!list) {
            byte[] s = Arrays.copyOfRange(in, pos[0], pos[0] + len);
            pos[0] += len;
            if (len == 1 && (s[0] & 0xFF) < 0x80) {
                throw new IllegalArgumentException("RLP: single byte encoded as string");
            }
            return s;
        }
        int stop = pos[0] + len;
        List<Object> items = new ArrayList<>();
        while (pos[0] < stop) {
            items.add(read(in, pos, stop));
        }
        return items;
    }

    /** Reads a canonical unsigned integer string (no leading zeros). */
    public static BigInteger toUint(Object item) {
        if (!(item instanceof byte[])) {
            throw new IllegalArgumentException("RLP: expected a string");
        }
        byte[] b = (byte[]) item;
        if (b.length > 0 && b[0] == 0) {
            throw new IllegalArgumentException("RLP: integer with leading zero");
        }
        return new BigInteger(1, b);
    }

    public static byte[] toBytes(Object item) {
        if (!(item instanceof byte[])) {
            throw new IllegalArgumentException("RLP: expected a string");
        }
        return (byte[]) item;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> toList(Object item) {
        if (!(item instanceof List)) {
            throw new IllegalArgumentException("RLP: expected a list");
        }
        return (List<Object>) item;
    }
}

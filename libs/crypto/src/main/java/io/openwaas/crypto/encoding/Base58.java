package io.openwaas.crypto.encoding;

import io.openwaas.crypto.hash.Hashes;
import io.openwaas.crypto.util.Bytes;

import java.math.BigInteger;
import java.util.Arrays;

/** Bitcoin's Base58 alphabet, plain and with a 4-byte double-SHA-256 checksum (Base58Check). */
public final class Base58 {

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEX = new int[128];
    private static final BigInteger B58 = BigInteger.valueOf(58);

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEX[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    public static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        // base conversion on a byte buffer (quadratic, fine for <= 100 bytes)
        byte[] input = Arrays.copyOf(data, data.length);
        char[] out = new char[data.length * 2];
        int o = out.length;
        int start = zeros;
        while (start < input.length) {
            int rem = 0;
            for (int i = start; i < input.length; i++) {
                int v = (rem << 8) | (input[i] & 0xFF);
                input[i] = (byte) (v / 58);
                rem = v % 58;
            }
            out[--o] = ALPHABET[rem];
            while (start < input.length && input[start] == 0) {
                start++;
            }
        }
        for (int i = 0; i < zeros; i++) {
            out[--o] = '1';
        }
        return new String(out, o, out.length - o);
    }

    /** @throws IllegalArgumentException on a character outside the alphabet */
    public static byte[] decode(String s) {
        BigInteger v = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c < 128 ? INDEX[c] : -1;
            if (d < 0) {
                throw new IllegalArgumentException("invalid base58 character '" + c + "'");
            }
            if (leading && d == 0) {
                zeros++;
            } else {
                leading = false;
            }
            v = v.multiply(B58).add(BigInteger.valueOf(d));
        }
        byte[] body = v.signum() == 0 ? new byte[0] : v.toByteArray();
        if (body.length > 0 && body[0] == 0) {
            body = Arrays.copyOfRange(body, 1, body.length);
        }
        return Bytes.concat(new byte[zeros], body);
    }

    /** Base58 of {@code payload || sha256d(payload)[0..4]}. */
    public static String encodeCheck(byte[] payload) {
        byte[] sum = Hashes.sha256d(payload);
        return encode(Bytes.concat(payload, Arrays.copyOf(sum, 4)));
    }

    /**
     * Decodes Base58Check and returns the payload.
     *
     * @throws IllegalArgumentException on a bad character, a too-short input or a wrong checksum
     */
    public static byte[] decodeCheck(String s) {
        byte[] raw = decode(s);
        if (raw.length < 4) {
            throw new IllegalArgumentException("base58check input too short");
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - 4);
        byte[] sum = Hashes.sha256d(payload);
        for (int i = 0; i < 4; i++) {
            if (sum[i] != raw[payload.length + i]) {
                throw new IllegalArgumentException("invalid base58check checksum");
            }
        }
        return payload;
    }
}

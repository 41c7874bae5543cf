package io.openwaas.crypto.encoding;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) strings, and segregated-witness addresses (v0 Bech32, v1+ Bech32m).
 */
public final class Bech32 {

    /** The checksum variant. */
    public enum Variant {
        BECH32(1), BECH32M(0x2bc830a3);

        final int constant;

        Variant(int constant) {
            this.constant = constant;
        }
    }

    /** A decoded string: lower-case human-readable part, 5-bit data (without checksum), variant. */
    public record Decoded(String hrp, byte[] data, Variant variant) {
    }

    /** A decoded segwit address. */
    public record WitnessProgram(String hrp, int version, byte[] program) {
    }

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] REV = new int[128];

    static {
        java.util.Arrays.fill(REV, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            REV[CHARSET.charAt(i)] = i;
            REV[Character.toUpperCase(CHARSET.charAt(i))] = i;
        }
    }

    private Bech32() {
    }

    private static int polymod(byte[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (byte v : values) {
            int b = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
            for (int i = 0; i < 5; i++) {
                if (((b >>> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    private static byte[] hrpExpand(String hrp) {
        int n = hrp.length();
        byte[] out = new byte[2 * n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (hrp.charAt(i) >> 5);
            out[n + 1 + i] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Encodes lower-case {@code hrp} and 5-bit {@code data}. */
    public static String encode(String hrp, byte[] data, Variant variant) {
        byte[] values = concat(concat(hrpExpand(hrp), data), new byte[6]);
        int mod = polymod(values) ^ variant.constant;
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + data.length + 6);
        sb.append(hrp).append('1');
        for (byte d : data) {
            sb.append(CHARSET.charAt(d));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    /**
     * Decodes and checks a Bech32 or Bech32m string (at most 90 characters, HRP of 1–83 characters in 33–126, no
     * mixed case, valid checksum of either variant).
     *
     * @throws IllegalArgumentException with the reason otherwise
     */
    public static Decoded decode(String s) {
        if (s.length() > 90) {
            throw new IllegalArgumentException("bech32 string longer than 90 characters");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("bech32 character out of range");
            }
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
        }
        if (lower && upper) {
            throw new IllegalArgumentException("bech32 mixed case");
        }
        String str = s.toLowerCase(Locale.ROOT);
        int pos = str.lastIndexOf('1');
        if (pos < 1) {
            throw new IllegalArgumentException("bech32 empty human-readable part or missing separator");
        }
        if (pos + 7 > str.length()) {
            throw new IllegalArgumentException("bech32 checksum too short");
        }
        String hrp = str.substring(0, pos);
        byte[] data = new byte[str.length() - pos - 1];
        for (int i = 0; i < data.length; i++) {
            char c = str.charAt(pos + 1 + i);
            int v = c < 128 ? REV[c] : -1;
            if (v < 0) {
                throw new IllegalArgumentException("invalid bech32 data character '" + c + "'");
            }
            data[i] = (byte) v;
        }
        int mod = polymod(concat(hrpExpand(hrp), data));
        Variant variant;
        if (mod == Variant.BECH32.constant) {
            variant = Variant.BECH32;
        } else if (mod == Variant.BECH32M.constant) {
            variant = Variant.BECH32M;
        } else {
            throw new IllegalArgumentException("invalid bech32 checksum");
        }
        return new Decoded(hrp, java.util.Arrays.copyOf(data, data.length - 6), variant);
    }

    /** General power-of-two base conversion (BIP-173 {@code convertbits}). */
    public static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
        for (byte b : in) {
            int v = b & 0xff;
            if ((v >>> from) != 0) {
                throw new IllegalArgumentException("value out of range for conversion");
            }
            acc = (acc << from) | v;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
            throw new IllegalArgumentException("invalid padding in bech32 data");
        }
        return out.toByteArray();
    }

    /** A segwit address: v0 with Bech32, v1–v16 with Bech32m. */
    public static String encodeSegwit(String hrp, int version, byte[] program) {
        checkProgram(version, program);
        byte[] data = concat(new byte[] {(byte) version}, convertBits(program, 8, 5, true));
        String addr = encode(hrp, data, version == 0 ? Variant.BECH32 : Variant.BECH32M);
        return addr;
    }

    /**
     * Decodes a segwit address, enforcing BIP-173/BIP-350: expected HRP, witness version 0–16, program of 2–40 bytes
     * (20 or 32 for v0), Bech32 for v0 and Bech32m for v1+, zero padding of at most 4 bits.
     *
     * @param expectedHrp e.g. {@code bc}, {@code tb}, {@code bcrt}; null accepts any
     */
    public static WitnessProgram decodeSegwit(String expectedHrp, String address) {
        Decoded d = decode(address);
        if (expectedHrp != null && !expectedHrp.equals(d.hrp())) {
            throw new IllegalArgumentException("wrong network: human-readable part '" + d.hrp() + "'");
        }
        if (d.data().length < 1) {
            throw new IllegalArgumentException("segwit address without witness version");
        }
        int version = d.data()[0];
        if (version > 16) {
            throw new IllegalArgumentException("invalid witness version " + version);
        }
        byte[] program = convertBits(java.util.Arrays.copyOfRange(d.data(), 1, d.data().length), 5, 8, false);
        checkProgram(version, program);
        Variant want = version == 0 ? Variant.BECH32 : Variant.BECH32M;
        if (d.variant() != want) {
            throw new IllegalArgumentException("witness version " + version + " requires " + want);
        }
        return new WitnessProgram(d.hrp(), version, program);
    }

    private static void checkProgram(int version, byte[] program) {
        if (version < 0 || version > 16) {
            throw new IllegalArgumentException("invalid witness version " + version);
        }
        if (program.length < 2 || program.length > 40) {
            throw new IllegalArgumentException("invalid witness program length " + program.length);
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            throw new IllegalArgumentException("invalid v0 witness program length " + program.length);
        }
    }
}

package io.openwaas.mpc.zk;

import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Integer helpers shared by the proofs: signed integers on the wire and in transcripts, sampling in symmetric
 * ranges, the Jacobi symbol, and expansion of a Fiat–Shamir digest into many challenge values.
 */
public final class ZkMath {

    static final BigInteger TWO = BigInteger.TWO;
    static final SecureRandom RANDOM = new SecureRandom();

    private ZkMath() {
    }

    /** A uniform integer in {@code [−bound, bound]} (the paper's {@code ±bound}). */
    public static BigInteger randomSigned(BigInteger bound, SecureRandom rnd) {
        BigInteger width = bound.shiftLeft(1).add(BigInteger.ONE);
        BigInteger v;
        do {
            v = new BigInteger(width.bitLength(), rnd);
        } while (v.compareTo(width) >= 0);
        return v.subtract(bound);
    }

    /** A uniform integer in {@code [−2^bits, 2^bits]}. */
    public static BigInteger randomSignedBits(int bits, SecureRandom rnd) {
        return randomSigned(BigInteger.ONE.shiftLeft(bits), rnd);
    }

    /** A uniform integer in {@code [0, bound)}. */
    public static BigInteger randomBelow(BigInteger bound, SecureRandom rnd) {
        BigInteger v;
        do {
            v = new BigInteger(bound.bitLength(), rnd);
        } while (v.compareTo(bound) >= 0);
        return v;
    }

    /** Whether {@code |v| ≤ bound}. */
    public static boolean inSymmetricRange(BigInteger v, BigInteger bound) {
        return v.abs().compareTo(bound) <= 0;
    }

    /** A uniform unit of {@code Z*_n}. */
    public static BigInteger randomUnit(BigInteger n, SecureRandom rnd) {
        BigInteger r;
        do {
            r = new BigInteger(n.bitLength(), rnd);
        } while (r.signum() == 0 || r.compareTo(n) >= 0 || !r.gcd(n).equals(BigInteger.ONE));
        return r;
    }

    /** Whether {@code 0 < v < n} and {@code gcd(v, n) = 1}. */
    public static boolean isUnit(BigInteger v, BigInteger n) {
        return v != null && v.signum() > 0 && v.compareTo(n) < 0 && v.gcd(n).equals(BigInteger.ONE);
    }

    /** The Jacobi symbol {@code (a / n)} for odd {@code n > 0}: −1, 0 or 1. */
    public static int jacobi(BigInteger a, BigInteger n) {
        if (n.signum() <= 0 || !n.testBit(0)) {
            throw new IllegalArgumentException("Jacobi symbol needs an odd positive modulus");
        }
        a = a.mod(n);
        int result = 1;
        while (a.signum() != 0) {
            int tz = a.getLowestSetBit();
            a = a.shiftRight(tz);
            int nMod8 = n.intValue() & 7;
            if ((tz & 1) == 1 && (nMod8 == 3 || nMod8 == 5)) {
                result = -result;
            }
            BigInteger tmp = a;
            a = n;
            n = tmp;
            if ((a.intValue() & 3) == 3 && (n.intValue() & 3) == 3) {
                result = -result;
            }
            a = a.mod(n);
        }
        return n.equals(BigInteger.ONE) ? result : 0;
    }

    /**
     * Expands a transcript digest into an integer uniform in {@code [0, modulus)} up to {@code 2^-128}:
     * {@code SHA-512("openwaas-zk-expand" ‖ u32(len(label)) ‖ label ‖ u32(index) ‖ u32(block) ‖ digest)} blocks,
     * {@code |modulus| + 128} bits, reduced.
     */
    public static BigInteger expand(byte[] digest, String label, int index, BigInteger modulus) {
        int bytes = (modulus.bitLength() + 128 + 7) / 8;
        return new BigInteger(1, expandBytes(digest, label, index, bytes)).mod(modulus);
    }

    /** {@code count} challenge bits from a transcript digest (for the binary-challenge proofs). */
    public static boolean[] expandBits(byte[] digest, String label, int count) {
        byte[] b = expandBytes(digest, label, 0, (count + 7) / 8);
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            out[i] = ((b[i >>> 3] >>> (i & 7)) & 1) == 1;
        }
        return out;
    }

    static byte[] expandBytes(byte[] digest, String label, int index, int length) {
        byte[] tag = "openwaas-zk-expand".getBytes(StandardCharsets.US_ASCII);
        byte[] lab = label.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        int off = 0;
        for (int block = 0; off < length; block++) {
            SHA512Digest h = new SHA512Digest();
            h.update(tag, 0, tag.length);
            u32(h, lab.length);
            h.update(lab, 0, lab.length);
            u32(h, index);
            u32(h, block);
            h.update(digest, 0, digest.length);
            byte[] blk = new byte[64];
            h.doFinal(blk, 0);
            int n = Math.min(64, length - off);
            System.arraycopy(blk, 0, out, off, n);
            off += n;
        }
        return out;
    }

    private static void u32(SHA512Digest h, int v) {
        h.update((byte) (v >>> 24));
        h.update((byte) (v >>> 16));
        h.update((byte) (v >>> 8));
        h.update((byte) v);
    }

    /** Canonical bytes of a signed integer for a transcript: {@code sign byte (0 or 1) ‖ minimal magnitude}. */
    public static byte[] signedBytes(BigInteger v) {
        byte[] mag = io.openwaas.mpc.common.Bytes.minimal(v.abs());
        byte[] out = new byte[mag.length + 1];
        out[0] = (byte) (v.signum() < 0 ? 1 : 0);
        System.arraycopy(mag, 0, out, 1, mag.length);
        return out;
    }

    /** Writes a signed integer: a boolean "negative" then the minimal magnitude. */
    public static void writeSigned(WireWriter w, BigInteger v) {
        w.writeBoolean(v.signum() < 0).writeBigInteger(v.abs());
    }

    /** Reads {@link #writeSigned}; "negative zero" is non-canonical and rejected. */
    public static BigInteger readSigned(WireReader r, int maxBits) {
        boolean negative = r.readBoolean();
        BigInteger mag = r.readBigInteger(maxBits);
        if (negative && mag.signum() == 0) {
            throw new WireFormatException("negative zero");
        }
        return negative ? mag.negate() : mag;
    }
}

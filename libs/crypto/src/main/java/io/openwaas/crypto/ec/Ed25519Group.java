package io.openwaas.crypto.ec;

import io.openwaas.crypto.util.Bytes;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The prime-order subgroup (order {@code L = 2^252 + 27742317777372353535851937790883648493}) of edwards25519, the
 * curve of RFC 8032 Ed25519 and RFC 9591 FROST(Ed25519, SHA-512).
 *
 * <p>{@link #mulBase(BigInteger)} is constant-time in the scalar: the scalar is recoded into 64 signed radix-16 digits
 * and the result is the sum of 64 entries of a precomputed table ({@code j·16^i·B}, {@code 1 <= j <= 8}) selected by
 * masked conditional moves over the whole row, followed by a conditional negation; the same 64 complete mixed
 * additions run for every scalar.
 *
 * <p>{@link #decode(byte[])} is the strict group decoder (RFC 9591 {@code DeserializeElement}): it rejects a wrong
 * length, a non-canonical {@code y >= p}, a {@code y} with no {@code x}, the encoding of {@code x = 0} with the sign
 * bit set, the identity and every other small-order point, and points outside the prime-order subgroup.
 * {@link #decodeOnCurve(byte[], boolean)} is the permissive RFC 8032 section 5.1.3 decoder used where a policy
 * (signature verification) needs to look at such points.
 */
public final class Ed25519Group implements EcGroup {

    /** The field prime 2^255 - 19. */
    public static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    /** The prime order L of the base point. */
    public static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    /** Curve constant d = -121665/121666. */
    static final BigInteger D_BIG = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

    static final int[] D = fe(D_BIG);
    static final int[] D2 = fe(D_BIG.shiftLeft(1).mod(P));

    /** The singleton group. */
    public static final Ed25519Group GROUP = new Ed25519Group();

    private final Ed25519Point identity;
    private final Ed25519Point base;
    /** Row i, column j-1: j·16^i·B as (y+x, y-x, 2d·x·y), 30 ints per entry. */
    private final int[] baseTable;

    private Ed25519Group() {
        identity = new Ed25519Point(fe(BigInteger.ZERO), fe(BigInteger.ONE), fe(BigInteger.ONE),
                fe(BigInteger.ZERO));
        BigInteger by = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        byte[] enc = Bytes.toFixedLE(by, 32); // x of B is even: sign bit 0
        base = decodeOnCurve(enc, false);
        baseTable = new int[64 * 8 * 30];
        Ed25519Point row = base;
        for (int i = 0; i < 64; i++) {
            Ed25519Point m = row;
            for (int j = 1; j <= 8; j++) {
                storeNiels(m, baseTable, (i * 8 + j - 1) * 30);
                m = Ed25519Point.add(m, row);
            }
            for (int s = 0; s < 4; s++) {
                row = Ed25519Point.dbl(row);
            }
        }
    }

    private static void storeNiels(Ed25519Point p, int[] table, int off) {
        int[] zi = X25519Field.create();
        int[] ax = X25519Field.create();
        int[] ay = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.inv(p.z, zi);
        X25519Field.mul(p.x, zi, ax);
        X25519Field.mul(p.y, zi, ay);
        X25519Field.add(ay, ax, v);
        X25519Field.normalize(v);
        X25519Field.copy(v, 0, table, off);
        X25519Field.sub(ay, ax, v);
        X25519Field.normalize(v);
        X25519Field.copy(v, 0, table, off + 10);
        X25519Field.mul(ax, ay, v);
        X25519Field.mul(v, D2, v);
        X25519Field.normalize(v);
        X25519Field.copy(v, 0, table, off + 20);
    }

    static int[] fe(BigInteger v) {
        int[] r = X25519Field.create();
        X25519Field.decode(Bytes.toFixedLE(v.mod(P), 32), 0, r);
        return r;
    }

    @Override
    public String name() {
        return "ed25519";
    }

    @Override
    public BigInteger order() {
        return L;
    }

    @Override
    public Ed25519Point generator() {
        return base;
    }

    @Override
    public Ed25519Point identity() {
        return identity;
    }

    @Override
    public Ed25519Point mulBase(BigInteger k) {
        byte[] s = Bytes.toFixedLE(k.mod(L), 32);
        return mulBaseLE(s);
    }

    /**
     * {@code k·B} for a 32-byte little-endian scalar {@code k < 2^255} (constant-time in {@code k}; the caller
     * reduces {@code k} modulo L when it needs to).
     */
    public Ed25519Point mulBaseLE(byte[] k) {
        if (k.length != 32 || (k[31] & 0x80) != 0) {
            throw new IllegalArgumentException("scalar must be 32 bytes little-endian below 2^255");
        }
        int[] e = new int[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = k[i] & 15;
            e[2 * i + 1] = (k[i] >> 4) & 15;
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            e[i] += carry;
            carry = (e[i] + 8) >> 4;
            e[i] -= carry << 4;
        }
        e[63] += carry;

        int[] ypx = X25519Field.create();
        int[] ymx = X25519Field.create();
        int[] xy2d = X25519Field.create();
        int[][] tmp = new int[8][X25519Field.SIZE];
        int[] rx = X25519Field.create();
        int[] ry = X25519Field.create();
        int[] rz = X25519Field.create();
        int[] rt = X25519Field.create();
        X25519Field.one(ry);
        X25519Field.one(rz);
        for (int i = 0; i < 64; i++) {
            int d = e[i];
            int neg = d >>> 31;
            int abs = (d ^ -neg) + neg;
            X25519Field.one(ypx);
            X25519Field.one(ymx);
            X25519Field.zero(xy2d);
            for (int j = 1; j <= 8; j++) {
                int mask = ((abs ^ j) - 1) >> 31;
                int off = (i * 8 + j - 1) * 30;
                X25519Field.cmov(mask, baseTable, off, ypx, 0);
                X25519Field.cmov(mask, baseTable, off + 10, ymx, 0);
                X25519Field.cmov(mask, baseTable, off + 20, xy2d, 0);
            }
            X25519Field.cswap(neg, ypx, ymx);
            X25519Field.cnegate(neg, xy2d);
            Ed25519Point.addNielsInPlace(rx, ry, rz, rt, ypx, ymx, xy2d, tmp);
        }
        java.util.Arrays.fill(e, 0);
        for (int[] w : tmp) {
            java.util.Arrays.fill(w, 0);
        }
        java.util.Arrays.fill(ypx, 0);
        java.util.Arrays.fill(ymx, 0);
        java.util.Arrays.fill(xy2d, 0);
        return new Ed25519Point(rx, ry, rz, rt);
    }

    /**
     * {@code k·B} for a <b>public</b> scalar {@code k} (reduced modulo L): the same table as {@link #mulBaseLE(byte[])}
     * indexed directly (variable-time), used by {@code generator().multiply(k)}.
     */
    Ed25519Point mulBaseVar(BigInteger k) {
        byte[] s = Bytes.toFixedLE(k.mod(L), 32);
        int[] e = new int[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = s[i] & 15;
            e[2 * i + 1] = (s[i] >> 4) & 15;
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            e[i] += carry;
            carry = (e[i] + 8) >> 4;
            e[i] -= carry << 4;
        }
        e[63] += carry;
        int[] ypx = X25519Field.create();
        int[] ymx = X25519Field.create();
        int[] xy2d = X25519Field.create();
        int[][] tmp = new int[8][X25519Field.SIZE];
        int[] rx = X25519Field.create();
        int[] ry = X25519Field.create();
        int[] rz = X25519Field.create();
        int[] rt = X25519Field.create();
        X25519Field.one(ry);
        X25519Field.one(rz);
        for (int i = 0; i < 64; i++) {
            int d = e[i];
            if (d == 0) {
                continue;
            }
            int off = (i * 8 + Math.abs(d) - 1) * 30;
            if (d > 0) {
                X25519Field.copy(baseTable, off, ypx, 0);
                X25519Field.copy(baseTable, off + 10, ymx, 0);
                X25519Field.copy(baseTable, off + 20, xy2d, 0);
            } else {
                X25519Field.copy(baseTable, off, ymx, 0);
                X25519Field.copy(baseTable, off + 10, ypx, 0);
                X25519Field.copy(baseTable, off + 20, xy2d, 0);
                X25519Field.negate(xy2d, xy2d);
            }
            Ed25519Point.addNielsInPlace(rx, ry, rz, rt, ypx, ymx, xy2d, tmp);
        }
        return new Ed25519Point(rx, ry, rz, rt);
    }

    /**
     * Strict decoding into the prime-order subgroup (see the class documentation for what is rejected).
     *
     * @throws InvalidPointException on any rejected input
     */
    @Override
    public Ed25519Point decode(byte[] encoding) {
        Ed25519Point p = decodeOnCurve(encoding, false);
        if (p.isIdentity() || p.isSmallOrder()) {
            throw new InvalidPointException("ed25519 point has small order");
        }
        if (!p.isInPrimeOrderSubgroup()) {
            throw new InvalidPointException("ed25519 point is not in the prime-order subgroup");
        }
        return p;
    }

    /**
     * RFC 8032 section 5.1.3 point decoding without any subgroup check: any point of the full curve (including
     * small-order and mixed-order points) is returned.
     *
     * @param allowNonCanonical when {@code true}, {@code y >= p} is accepted and reduced (as ZIP-215 does), and the
     *     sign bit set with {@code x = 0} is ignored; when {@code false} both are rejected as RFC 8032 requires
     * @throws InvalidPointException on a wrong length, on a rejected non-canonical encoding, or when {@code y} is not
     *     the y coordinate of a curve point
     */
    public Ed25519Point decodeOnCurve(byte[] encoding, boolean allowNonCanonical) {
        if (encoding == null || encoding.length != 32) {
            throw new InvalidPointException("ed25519 point must be 32 bytes");
        }
        int sign = (encoding[31] >>> 7) & 1;
        byte[] yb = encoding.clone();
        yb[31] &= 0x7F;
        BigInteger yBig = Bytes.fromLE(yb);
        if (yBig.compareTo(P) >= 0 && !allowNonCanonical) {
            throw new InvalidPointException("ed25519 point has non-canonical y (>= p)");
        }
        int[] y = fe(yBig);
        int[] u = X25519Field.create();
        int[] v = X25519Field.create();
        X25519Field.sqr(y, u);
        X25519Field.mul(u, D, v);
        X25519Field.subOne(u);
        X25519Field.addOne(v);
        X25519Field.carry(u);
        X25519Field.carry(v);
        int[] x = X25519Field.create();
        if (!X25519Field.sqrtRatioVar(u, v, x)) {
            throw new InvalidPointException("ed25519 y has no matching x: not on the curve");
        }
        X25519Field.normalize(x);
        boolean xZero = X25519Field.isZeroVar(x);
        if (xZero && sign == 1 && !allowNonCanonical) {
            throw new InvalidPointException("ed25519 point encodes x = 0 with the sign bit set");
        }
        if (!xZero && (x[0] & 1) != sign) {
            X25519Field.negate(x, x);
            X25519Field.normalize(x);
        }
        int[] t = X25519Field.create();
        X25519Field.mul(x, y, t);
        return new Ed25519Point(x, y, fe(BigInteger.ONE), t);
    }

    @Override
    public int pointLength() {
        return 32;
    }

    @Override
    public int scalarLength() {
        return 32;
    }

    /** Little-endian, 32 bytes, must be below L (RFC 9591 {@code DeserializeScalar}). */
    @Override
    public BigInteger scalarFromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("ed25519 scalar must be 32 bytes");
        }
        BigInteger k = Bytes.fromLE(bytes);
        if (k.compareTo(L) >= 0) {
            throw new IllegalArgumentException("ed25519 scalar not below L");
        }
        return k;
    }

    /** Little-endian, 32 bytes. */
    @Override
    public byte[] scalarToBytes(BigInteger k) {
        if (k.signum() < 0 || k.compareTo(L) >= 0) {
            throw new IllegalArgumentException("scalar out of range [0, L)");
        }
        return Bytes.toFixedLE(k, 32);
    }

    @Override
    public BigInteger randomScalar(SecureRandom rnd) {
        while (true) {
            BigInteger k = new BigInteger(253, rnd);
            if (k.signum() > 0 && k.compareTo(L) < 0) {
                return k;
            }
        }
    }

    @Override
    public String toString() {
        return "ed25519";
    }
}

package io.openwaas.crypto.ec;

import io.openwaas.crypto.util.Hex;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element of edwards25519 in extended twisted-Edwards coordinates {@code (X:Y:Z:T)}, {@code x = X/Z},
 * {@code y = Y/Z}, {@code xy = T/Z}, with field arithmetic from BouncyCastle's public, constant-time
 * {@link X25519Field} (10 limbs of 25/26 bits). Addition uses the complete formulas {@code add-2008-hwcd-3} and
 * doubling {@code dbl-2008-hwcd} for {@code a = -1} (Hisil–Wong–Carter–Dawson 2008).
 *
 * <p>Points produced by {@link Ed25519Group#decode(byte[])} and by arithmetic on them lie in the prime-order
 * subgroup; points decoded with {@link Ed25519Group#decodeOnCurve(byte[], boolean)} may not, and
 * {@link #isSmallOrder()} / {@link #isInPrimeOrderSubgroup()} tell.
 */
public final class Ed25519Point implements EcPoint {

    final int[] x;
    final int[] y;
    final int[] z;
    final int[] t;
    private volatile byte[] encoding;

    Ed25519Point(int[] x, int[] y, int[] z, int[] t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    @Override
    public Ed25519Group group() {
        return Ed25519Group.GROUP;
    }

    private static Ed25519Point of(EcPoint other) {
        if (!(other instanceof Ed25519Point)) {
            throw new IllegalArgumentException("not an ed25519 point: " + other);
        }
        return (Ed25519Point) other;
    }

    @Override
    public Ed25519Point add(EcPoint other) {
        return add(this, of(other));
    }

    @Override
    public Ed25519Point subtract(EcPoint other) {
        return add(this, of(other).negate());
    }

    @Override
    public Ed25519Point negate() {
        int[] nx = X25519Field.create();
        int[] nt = X25519Field.create();
        X25519Field.negate(x, nx);
        X25519Field.negate(t, nt);
        X25519Field.carry(nx);
        X25519Field.carry(nt);
        return new Ed25519Point(nx, y.clone(), z.clone(), nt);
    }

    /** {@code 2·this}. */
    public Ed25519Point twice() {
        return dbl(this);
    }

    /**
     * Variable-time, <b>public scalars only</b> (verification, public child derivation, subgroup checks): for the
     * base point a direct lookup in the precomputed base table, otherwise fixed-window (4-bit) double-and-add.
     */
    @Override
    public Ed25519Point multiply(BigInteger k) {
        if (this == Ed25519Group.GROUP.generator()) {
            return Ed25519Group.GROUP.mulBaseVar(k);
        }
        return multiplyRaw(k.mod(Ed25519Group.L));
    }

    /** {@code k·this} without reducing {@code k} modulo L (needed for cofactor and subgroup checks); variable-time. */
    Ed25519Point multiplyRaw(BigInteger k) {
        if (k.signum() < 0) {
            throw new IllegalArgumentException("negative scalar");
        }
        // table of j·P (j = 1..15) in the cached form (Y+X, Y-X, 2d·T, 2Z)
        int[][] cached = new int[16][];
        Ed25519Point m = this;
        for (int j = 1; j < 16; j++) {
            cached[j] = toCached(m);
            if (j < 15) {
                m = add(m, this);
            }
        }
        int[] x = X25519Field.create();
        int[] y = X25519Field.create();
        int[] z = X25519Field.create();
        int[] t = X25519Field.create();
        X25519Field.one(y);
        X25519Field.one(z);
        int[][] tmp = new int[8][X25519Field.SIZE];
        int nibbles = (k.bitLength() + 3) / 4;
        boolean started = false;
        for (int i = nibbles - 1; i >= 0; i--) {
            int w = 0;
            for (int b = 3; b >= 0; b--) {
                w = (w << 1) | (k.testBit(4 * i + b) ? 1 : 0);
            }
            if (started) {
                dblInPlace(x, y, z, t, tmp, false);
                dblInPlace(x, y, z, t, tmp, false);
                dblInPlace(x, y, z, t, tmp, false);
                dblInPlace(x, y, z, t, tmp, true);
            }
            if (w != 0) {
                addCachedInPlace(x, y, z, t, cached[w], tmp);
                started = true;
            }
        }
        return new Ed25519Point(x, y, z, t);
    }

    /** (Y+X, Y-X, 2d·T, 2Z) of a point, 40 ints. */
    private static int[] toCached(Ed25519Point p) {
        int[] c = new int[4 * X25519Field.SIZE];
        int[] v = X25519Field.create();
        X25519Field.add(p.y, p.x, v);
        X25519Field.carry(v);
        X25519Field.copy(v, 0, c, 0);
        X25519Field.sub(p.y, p.x, v);
        X25519Field.carry(v);
        X25519Field.copy(v, 0, c, 10);
        X25519Field.mul(p.t, Ed25519Group.D2, v);
        X25519Field.copy(v, 0, c, 20);
        X25519Field.add(p.z, p.z, v);
        X25519Field.carry(v);
        X25519Field.copy(v, 0, c, 30);
        return c;
    }

    /** In-place {@code (x:y:z:t) += cached} (add-2008-hwcd-3 with the second operand precomputed). */
    private static void addCachedInPlace(int[] x, int[] y, int[] z, int[] t, int[] cached, int[][] tmp) {
        int[] a = tmp[0];
        int[] b = tmp[1];
        int[] c = tmp[2];
        int[] d = tmp[3];
        int[] e = tmp[4];
        int[] f = tmp[5];
        int[] g = tmp[6];
        int[] h = tmp[7];
        X25519Field.copy(cached, 10, f, 0);
        X25519Field.sub(y, x, e);
        X25519Field.mul(e, f, a);
        X25519Field.copy(cached, 0, f, 0);
        X25519Field.add(y, x, e);
        X25519Field.mul(e, f, b);
        X25519Field.copy(cached, 20, f, 0);
        X25519Field.mul(t, f, c);
        X25519Field.copy(cached, 30, f, 0);
        X25519Field.mul(z, f, d);
        X25519Field.sub(b, a, e);
        X25519Field.sub(d, c, f);
        X25519Field.add(d, c, g);
        X25519Field.add(b, a, h);
        X25519Field.carry(e);
        X25519Field.carry(f);
        X25519Field.carry(g);
        X25519Field.carry(h);
        X25519Field.mul(e, f, x);
        X25519Field.mul(g, h, y);
        X25519Field.mul(e, h, t);
        X25519Field.mul(f, g, z);
    }

    /** In-place doubling (dbl-2008-hwcd, a = -1); T is computed only when {@code withT} (additions need it). */
    private static void dblInPlace(int[] x, int[] y, int[] z, int[] t, int[][] tmp, boolean withT) {
        int[] a = tmp[0];
        int[] b = tmp[1];
        int[] c = tmp[2];
        int[] e = tmp[4];
        int[] f = tmp[5];
        int[] g = tmp[6];
        int[] h = tmp[7];
        X25519Field.sqr(x, a);
        X25519Field.sqr(y, b);
        X25519Field.sqr(z, c);
        X25519Field.add(c, c, c);
        X25519Field.carry(c);
        X25519Field.add(a, b, h);
        X25519Field.carry(h);
        X25519Field.add(x, y, e);
        X25519Field.sqr(e, e);
        X25519Field.sub(h, e, e);
        X25519Field.carry(e);
        X25519Field.sub(a, b, g);
        X25519Field.carry(g);
        X25519Field.add(c, g, f);
        X25519Field.carry(f);
        X25519Field.mul(e, f, x);
        X25519Field.mul(g, h, y);
        if (withT) {
            X25519Field.mul(e, h, t);
        }
        X25519Field.mul(f, g, z);
    }

    @Override
    public boolean isIdentity() {
        int[] d = X25519Field.create();
        int[] nx = x.clone();
        X25519Field.normalize(nx);
        if (!X25519Field.isZeroVar(nx)) {
            return false;
        }
        X25519Field.sub(y, z, d);
        X25519Field.normalize(d);
        return X25519Field.isZeroVar(d);
    }

    /** Whether {@code 8·this} is the identity (order 1, 2, 4 or 8). */
    public boolean isSmallOrder() {
        return dbl(dbl(dbl(this))).isIdentity();
    }

    /** Whether {@code L·this} is the identity (this includes the identity itself). */
    public boolean isInPrimeOrderSubgroup() {
        return multiplyRaw(Ed25519Group.L).isIdentity();
    }

    /** The RFC 8032 encoding (32 bytes: y little-endian, sign of x in the top bit). */
    @Override
    public byte[] encode() {
        byte[] e = encoding;
        if (e == null) {
            int[] zi = X25519Field.create();
            int[] ax = X25519Field.create();
            int[] ay = X25519Field.create();
            X25519Field.inv(z, zi);
            X25519Field.mul(x, zi, ax);
            X25519Field.mul(y, zi, ay);
            X25519Field.normalize(ax);
            X25519Field.normalize(ay);
            e = new byte[32];
            X25519Field.encode(ay, e, 0);
            e[31] |= (byte) ((ax[0] & 1) << 7);
            encoding = e;
        }
        return e.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Ed25519Point && Arrays.equals(encode(), ((Ed25519Point) o).encode());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return "ed25519(" + Hex.encode(encode()) + ")";
    }

    // ---- arithmetic (all field operations below are constant-time BouncyCastle X25519Field calls) ----

    static Ed25519Point add(Ed25519Point p, Ed25519Point q) {
        int[] a = X25519Field.create();
        int[] b = X25519Field.create();
        int[] c = X25519Field.create();
        int[] d = X25519Field.create();
        int[] e = X25519Field.create();
        int[] f = X25519Field.create();
        int[] g = X25519Field.create();
        int[] h = X25519Field.create();
        X25519Field.sub(p.y, p.x, e);
        X25519Field.sub(q.y, q.x, f);
        X25519Field.mul(e, f, a);
        X25519Field.add(p.y, p.x, e);
        X25519Field.add(q.y, q.x, f);
        X25519Field.mul(e, f, b);
        X25519Field.mul(p.t, q.t, c);
        X25519Field.mul(c, Ed25519Group.D2, c);
        X25519Field.mul(p.z, q.z, d);
        X25519Field.add(d, d, d);
        return finish(a, b, c, d, e, f, g, h);
    }

    /** Mixed addition with a precomputed affine point {@code (y+x, y-x, 2d·x·y)}. */
    static Ed25519Point addNiels(Ed25519Point p, int[] ypx, int[] ymx, int[] xy2d) {
        int[] x = p.x.clone();
        int[] y = p.y.clone();
        int[] z = p.z.clone();
        int[] t = p.t.clone();
        addNielsInPlace(x, y, z, t, ypx, ymx, xy2d, new int[8][X25519Field.SIZE]);
        return new Ed25519Point(x, y, z, t);
    }

    /**
     * In-place mixed addition {@code (x:y:z:t) += (ypx, ymx, xy2d)} without allocation; {@code tmp} is scratch space of
     * 8 field elements (complete formula, no branches).
     */
    static void addNielsInPlace(int[] x, int[] y, int[] z, int[] t, int[] ypx, int[] ymx, int[] xy2d, int[][] tmp) {
        int[] a = tmp[0];
        int[] b = tmp[1];
        int[] c = tmp[2];
        int[] d = tmp[3];
        int[] e = tmp[4];
        int[] f = tmp[5];
        int[] g = tmp[6];
        int[] h = tmp[7];
        X25519Field.sub(y, x, e);
        X25519Field.mul(e, ymx, a);
        X25519Field.add(y, x, e);
        X25519Field.mul(e, ypx, b);
        X25519Field.mul(t, xy2d, c);
        X25519Field.add(z, z, d);
        X25519Field.sub(b, a, e);
        X25519Field.sub(d, c, f);
        X25519Field.add(d, c, g);
        X25519Field.add(b, a, h);
        X25519Field.carry(e);
        X25519Field.carry(f);
        X25519Field.carry(g);
        X25519Field.carry(h);
        X25519Field.mul(e, f, x);
        X25519Field.mul(g, h, y);
        X25519Field.mul(e, h, t);
        X25519Field.mul(f, g, z);
    }

    private static Ed25519Point finish(int[] a, int[] b, int[] c, int[] d, int[] e, int[] f, int[] g, int[] h) {
        X25519Field.sub(b, a, e);
        X25519Field.sub(d, c, f);
        X25519Field.add(d, c, g);
        X25519Field.add(b, a, h);
        X25519Field.carry(e);
        X25519Field.carry(f);
        X25519Field.carry(g);
        X25519Field.carry(h);
        int[] x3 = X25519Field.create();
        int[] y3 = X25519Field.create();
        int[] z3 = X25519Field.create();
        int[] t3 = X25519Field.create();
        X25519Field.mul(e, f, x3);
        X25519Field.mul(g, h, y3);
        X25519Field.mul(e, h, t3);
        X25519Field.mul(f, g, z3);
        return new Ed25519Point(x3, y3, z3, t3);
    }

    static Ed25519Point dbl(Ed25519Point p) {
        int[] a = X25519Field.create();
        int[] b = X25519Field.create();
        int[] c = X25519Field.create();
        int[] e = X25519Field.create();
        int[] f = X25519Field.create();
        int[] g = X25519Field.create();
        int[] h = X25519Field.create();
        X25519Field.sqr(p.x, a);
        X25519Field.sqr(p.y, b);
        X25519Field.sqr(p.z, c);
        X25519Field.add(c, c, c);
        X25519Field.carry(c);
        X25519Field.add(a, b, h);
        X25519Field.carry(h);
        X25519Field.add(p.x, p.y, e);
        X25519Field.sqr(e, e);
        X25519Field.sub(h, e, e);
        X25519Field.carry(e);
        X25519Field.sub(a, b, g);
        X25519Field.carry(g);
        X25519Field.add(c, g, f);
        X25519Field.carry(f);
        int[] x3 = X25519Field.create();
        int[] y3 = X25519Field.create();
        int[] z3 = X25519Field.create();
        int[] t3 = X25519Field.create();
        X25519Field.mul(e, f, x3);
        X25519Field.mul(g, h, y3);
        X25519Field.mul(e, h, t3);
        X25519Field.mul(f, g, z3);
        return new Ed25519Point(x3, y3, z3, t3);
    }
}

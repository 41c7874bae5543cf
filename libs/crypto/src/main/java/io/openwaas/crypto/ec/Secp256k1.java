package io.openwaas.crypto.ec;

import io.openwaas.crypto.util.Bytes;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The secp256k1 group (SEC2), on BouncyCastle's specialised {@code SecP256K1Curve}.
 *
 * <p>{@link #mulBase(BigInteger)} uses BouncyCastle's {@link FixedPointCombMultiplier} (a fixed-base comb whose table
 * lookups are constant-time); {@link EcPoint#multiply(BigInteger)} uses BouncyCastle's default multiplier (GLV + wNAF,
 * variable-time, for public scalars only).
 */
public final class Secp256k1 implements EcGroup {

    /** SEC2 parameters as BouncyCastle holds them. */
    public static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

    /** The curve. */
    public static final ECCurve CURVE = PARAMS.getCurve();

    /** The group order n. */
    public static final BigInteger N = PARAMS.getN();

    /** The field prime p. */
    public static final BigInteger P = CURVE.getField().getCharacteristic();

    /** n / 2, the bound for low-S signatures. */
    public static final BigInteger HALF_N = N.shiftRight(1);

    private static final ECPoint G;
    private static final FixedPointCombMultiplier COMB = new FixedPointCombMultiplier();

    static {
        G = PARAMS.getG();
        FixedPointUtil.precompute(G);
    }

    /** The singleton group. */
    public static final Secp256k1 GROUP = new Secp256k1();

    private final Secp256k1Point generator = new Secp256k1Point(G);
    private final Secp256k1Point identity = new Secp256k1Point(CURVE.getInfinity());

    private Secp256k1() {
    }

    @Override
    public String name() {
        return "secp256k1";
    }

    @Override
    public BigInteger order() {
        return N;
    }

    @Override
    public Secp256k1Point generator() {
        return generator;
    }

    @Override
    public Secp256k1Point identity() {
        return identity;
    }

    /** Row i, column j: (j+1)·2^(8i)·G, affine; built on first use of {@link #mulGeneratorVar(BigInteger)}. */
    private static volatile ECPoint[][] publicTable;

    private static ECPoint[][] publicTable() {
        ECPoint[][] t = publicTable;
        if (t == null) {
            synchronized (Secp256k1.class) {
                t = publicTable;
                if (t == null) {
                    t = new ECPoint[32][255];
                    ECPoint base = G;
                    for (int i = 0; i < 32; i++) {
                        t[i][0] = base;
                        for (int j = 1; j < 255; j++) {
                            t[i][j] = t[i][j - 1].add(base);
                        }
                        CURVE.normalizeAll(t[i]);
                        base = t[i][254].add(base); // 256·2^(8i)·G = 2^(8(i+1))·G
                    }
                    publicTable = t;
                }
            }
        }
        return t;
    }

    /**
     * {@code k·G} for a <b>public</b> scalar, variable-time: one table lookup per byte of {@code k} (32 affine
     * additions), about three times faster than the constant-time comb. Used by {@code generator().multiply(k)}: public
     * child derivation (IL), taproot tweaks, verification.
     */
    static ECPoint mulGeneratorVar(BigInteger k) {
        ECPoint[][] t = publicTable();
        byte[] kb = Bytes.toFixedBE(k, 32);
        ECPoint r = CURVE.getInfinity();
        for (int i = 0; i < 32; i++) {
            int b = kb[31 - i] & 0xff;
            if (b != 0) {
                r = r.add(t[i][b - 1]);
            }
        }
        return r;
    }

    @Override
    public Secp256k1Point mulBase(BigInteger k) {
        BigInteger r = k.mod(N);
        if (r.signum() == 0) {
            return identity;
        }
        return new Secp256k1Point(COMB.multiply(G, r));
    }

    /**
     * Decodes a 33-byte compressed SEC1 point ({@code 02|03 || x}).
     *
     * @throws InvalidPointException on a wrong length or prefix, {@code x >= p}, or an {@code x} with no curve point
     */
    @Override
    public Secp256k1Point decode(byte[] encoding) {
        if (encoding == null || encoding.length != 33) {
            throw new InvalidPointException("secp256k1 point must be 33 bytes (compressed SEC1)");
        }
        if (encoding[0] != 0x02 && encoding[0] != 0x03) {
            throw new InvalidPointException("secp256k1 point prefix must be 02 or 03");
        }
        BigInteger x = new BigInteger(1, Bytes.slice(encoding, 1, 33));
        if (x.compareTo(P) >= 0) {
            throw new InvalidPointException("secp256k1 x coordinate not below p");
        }
        try {
            ECPoint p = CURVE.decodePoint(encoding);
            if (!p.isValid()) {
                throw new InvalidPointException("secp256k1 point not on the curve");
            }
            return new Secp256k1Point(p);
        } catch (IllegalArgumentException e) {
            throw new InvalidPointException("secp256k1 x coordinate has no point on the curve");
        }
    }

    /**
     * Decodes a 65-byte uncompressed SEC1 point ({@code 04 || x || y}), as used by Ethereum/TRON address derivation.
     *
     * @throws InvalidPointException when not a valid uncompressed on-curve point
     */
    public Secp256k1Point decodeUncompressed(byte[] encoding) {
        if (encoding == null || encoding.length != 65 || encoding[0] != 0x04) {
            throw new InvalidPointException("uncompressed secp256k1 point must be 65 bytes starting 04");
        }
        BigInteger x = new BigInteger(1, Bytes.slice(encoding, 1, 33));
        BigInteger y = new BigInteger(1, Bytes.slice(encoding, 33, 65));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            throw new InvalidPointException("coordinate not below p");
        }
        ECPoint p;
        try {
            p = CURVE.validatePoint(x, y);
        } catch (IllegalArgumentException e) {
            throw new InvalidPointException("secp256k1 point not on the curve");
        }
        return new Secp256k1Point(p);
    }

    /**
     * BIP-340 {@code lift_x}: the point with x coordinate {@code x} (32 bytes big-endian) and even y.
     *
     * @throws InvalidPointException if {@code x >= p} or no such point exists
     */
    public Secp256k1Point liftX(byte[] x32) {
        if (x32 == null || x32.length != 32) {
            throw new InvalidPointException("x-only key must be 32 bytes");
        }
        return decode(Bytes.concat(new byte[] {0x02}, x32));
    }

    @Override
    public int pointLength() {
        return 33;
    }

    @Override
    public int scalarLength() {
        return 32;
    }

    /** Big-endian, 32 bytes, must be below n. */
    @Override
    public BigInteger scalarFromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("secp256k1 scalar must be 32 bytes");
        }
        BigInteger k = new BigInteger(1, bytes);
        if (k.compareTo(N) >= 0) {
            throw new IllegalArgumentException("secp256k1 scalar not below n");
        }
        return k;
    }

    /** Big-endian, 32 bytes. */
    @Override
    public byte[] scalarToBytes(BigInteger k) {
        if (k.signum() < 0 || k.compareTo(N) >= 0) {
            throw new IllegalArgumentException("scalar out of range [0, n)");
        }
        return Bytes.toFixedBE(k, 32);
    }

    @Override
    public BigInteger randomScalar(SecureRandom rnd) {
        while (true) {
            BigInteger k = new BigInteger(256, rnd);
            if (k.signum() > 0 && k.compareTo(N) < 0) {
                return k;
            }
        }
    }

    /** Wraps a BouncyCastle point of this curve. */
    public Secp256k1Point wrap(ECPoint p) {
        if (!p.getCurve().equals(CURVE)) {
            throw new IllegalArgumentException("not a secp256k1 point");
        }
        return new Secp256k1Point(p);
    }

    @Override
    public String toString() {
        return "secp256k1";
    }
}

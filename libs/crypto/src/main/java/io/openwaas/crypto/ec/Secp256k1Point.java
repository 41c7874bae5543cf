package io.openwaas.crypto.ec;

import io.openwaas.crypto.util.Bytes;
import io.openwaas.crypto.util.Hex;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.Arrays;

/** A secp256k1 element: a thin immutable wrapper over a BouncyCastle {@link ECPoint}. */
public final class Secp256k1Point implements EcPoint {

    private final ECPoint p;
    private volatile ECPoint normalized;

    Secp256k1Point(ECPoint p) {
        this.p = p;
    }

    @Override
    public Secp256k1 group() {
        return Secp256k1.GROUP;
    }

    /** The underlying BouncyCastle point (possibly in projective coordinates). */
    public ECPoint bcPoint() {
        return p;
    }

    private ECPoint norm() {
        ECPoint n = normalized;
        if (n == null) {
            n = p.normalize();
            normalized = n;
        }
        return n;
    }

    private static ECPoint of(EcPoint other) {
        if (!(other instanceof Secp256k1Point)) {
            throw new IllegalArgumentException("not a secp256k1 point: " + other);
        }
        return ((Secp256k1Point) other).p;
    }

    @Override
    public Secp256k1Point add(EcPoint other) {
        return new Secp256k1Point(p.add(of(other)));
    }

    @Override
    public Secp256k1Point subtract(EcPoint other) {
        return new Secp256k1Point(p.subtract(of(other)));
    }

    @Override
    public Secp256k1Point negate() {
        return new Secp256k1Point(p.negate());
    }

    /**
     * Variable-time, public scalars only: for the generator a byte-wise precomputed table (32 additions), otherwise
     * BouncyCastle's GLV + wNAF.
     */
    @Override
    public Secp256k1Point multiply(BigInteger k) {
        BigInteger r = k.mod(Secp256k1.N);
        if (r.signum() == 0 || p.isInfinity()) {
            return Secp256k1.GROUP.identity();
        }
        if (this == Secp256k1.GROUP.generator()) {
            return new Secp256k1Point(Secp256k1.mulGeneratorVar(r));
        }
        return new Secp256k1Point(p.multiply(r));
    }

    @Override
    public boolean isIdentity() {
        return p.isInfinity();
    }

    @Override
    public byte[] encode() {
        if (p.isInfinity()) {
            throw new IllegalStateException("the secp256k1 identity has no compressed encoding");
        }
        return norm().getEncoded(true);
    }

    /** The 65-byte uncompressed SEC1 encoding {@code 04 || x || y}. */
    public byte[] encodeUncompressed() {
        if (p.isInfinity()) {
            throw new IllegalStateException("the secp256k1 identity has no uncompressed encoding");
        }
        return norm().getEncoded(false);
    }

    /** BIP-340 x-only encoding: the 32-byte big-endian x coordinate. */
    public byte[] xOnly() {
        if (p.isInfinity()) {
            throw new IllegalStateException("the identity has no x coordinate");
        }
        return Bytes.toFixedBE(norm().getAffineXCoord().toBigInteger(), 32);
    }

    /** Affine x. */
    public BigInteger x() {
        return norm().getAffineXCoord().toBigInteger();
    }

    /** Affine y. */
    public BigInteger y() {
        return norm().getAffineYCoord().toBigInteger();
    }

    /** Whether the affine y coordinate is even (BIP-340). */
    public boolean hasEvenY() {
        if (p.isInfinity()) {
            throw new IllegalStateException("the identity has no y coordinate");
        }
        return !norm().getAffineYCoord().testBitZero();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Secp256k1Point)) {
            return false;
        }
        Secp256k1Point q = (Secp256k1Point) o;
        if (isIdentity() || q.isIdentity()) {
            return isIdentity() == q.isIdentity();
        }
        return Arrays.equals(encode(), q.encode());
    }

    @Override
    public int hashCode() {
        return isIdentity() ? 0 : Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        return isIdentity() ? "secp256k1(identity)" : "secp256k1(" + Hex.encode(encode()) + ")";
    }
}

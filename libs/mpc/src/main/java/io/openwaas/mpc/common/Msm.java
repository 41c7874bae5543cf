package io.openwaas.mpc.common;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Ed25519Point;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Internal helper (not in libs/crypto, which has no multi-scalar multiplication): {@code Σ k_i·P_i} for
 * <b>public</b> scalars and points, variable-time. secp256k1 uses BouncyCastle's {@code ECAlgorithms.sumOfMultiplies}
 * (GLV, interleaved wNAF); ed25519 uses Straus' interleaved 4-bit windows over libs/crypto's point operations
 * (one shared doubling chain instead of one per point).
 */
public final class Msm {

    private Msm() {
    }

    public static EcPoint sum(List<EcPoint> points, List<BigInteger> scalars) {
        if (points.size() != scalars.size() || points.isEmpty()) {
            throw new IllegalArgumentException("points and scalars must be non-empty and of equal length");
        }
        EcPoint first = points.get(0);
        if (first instanceof Secp256k1Point) {
            ECPoint[] ps = new ECPoint[points.size()];
            BigInteger[] ks = new BigInteger[points.size()];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = ((Secp256k1Point) points.get(i)).bcPoint();
                ks[i] = scalars.get(i).mod(Secp256k1.N);
            }
            return Secp256k1.GROUP.wrap(ECAlgorithms.sumOfMultiplies(ps, ks));
        }
        if (first instanceof Ed25519Point) {
            return straus(points, scalars);
        }
        EcPoint acc = first.group().identity();
        for (int i = 0; i < points.size(); i++) {
            acc = acc.add(points.get(i).multiply(scalars.get(i)));
        }
        return acc;
    }

    private static EcPoint straus(List<EcPoint> points, List<BigInteger> scalars) {
        int n = points.size();
        Ed25519Point[][] tables = new Ed25519Point[n][16];
        BigInteger[] ks = new BigInteger[n];
        int nibbles = 0;
        for (int i = 0; i < n; i++) {
            Ed25519Point p = (Ed25519Point) points.get(i);
            tables[i][1] = p;
            for (int j = 2; j < 16; j++) {
                tables[i][j] = (j & 1) == 0 ? tables[i][j / 2].twice() : tables[i][j - 1].add(p);
            }
            ks[i] = scalars.get(i).mod(Ed25519Group.L);
            nibbles = Math.max(nibbles, (ks[i].bitLength() + 3) / 4);
        }
        Ed25519Point r = Ed25519Group.GROUP.identity();
        for (int w = nibbles - 1; w >= 0; w--) {
            r = r.twice().twice().twice().twice();
            for (int i = 0; i < n; i++) {
                int d = 0;
                for (int b = 3; b >= 0; b--) {
                    d = (d << 1) | (ks[i].testBit(4 * w + b) ? 1 : 0);
                }
                if (d != 0) {
                    r = r.add(tables[i][d]);
                }
            }
        }
        return r;
    }
}

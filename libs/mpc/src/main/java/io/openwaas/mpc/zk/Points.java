package io.openwaas.mpc.zk;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;

/** Point helpers for the proofs and the ecdsa2p messages: decoding that rejects invalid points (line 10). */
public final class Points {

    private Points() {
    }

    /**
     * Reads a fixed-length point encoding and decodes it with {@link EcGroup#decode(byte[])}, which rejects
     * off-curve, non-canonical and identity encodings.
     *
     * @throws WireFormatException on any of those
     */
    public static EcPoint read(WireReader r, EcGroup group) {
        byte[] enc = r.readFixed(group.pointLength());
        try {
            EcPoint p = group.decode(enc);
            if (p.isIdentity()) {
                throw new WireFormatException("identity point");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("invalid point");
        }
    }

    /**
     * {@code k·base} for a <b>secret</b> {@code k}: libs/crypto's fixed-base comb when {@code base} is the generator,
     * else {@link #mulSecret(EcPoint, BigInteger)}.
     */
    public static EcPoint mul(EcGroup group, EcPoint base, BigInteger k) {
        return base.equals(group.generator()) ? group.mulBase(k) : mulSecret(base, k);
    }

    /**
     * {@code k·base} for a <b>secret</b> {@code k} and a variable secp256k1 point, by a Montgomery ladder over a
     * scalar of fixed length: {@code k mod q} is lifted to {@code k + q} or {@code k + 2q}, whichever has exactly
     * 257 bits, so every call performs 256 additions and 256 doublings whatever {@code k} is (threat checklist line
     * 19). It is <em>more regular</em> than the variable-time wNAF multiply of {@link EcPoint#multiply}, not proven
     * constant time: the branch on each bit selects which register is doubled, and BouncyCastle's point formulas
     * have special cases (infinity, equal inputs) that only a negligible fraction of scalars reach. Other groups fall
     * back to {@link EcPoint#multiply}.
     */
    public static EcPoint mulSecret(EcPoint base, BigInteger k) {
        if (!(base instanceof Secp256k1Point sp)) {
            return base.multiply(k);
        }
        BigInteger q = Secp256k1.N;
        BigInteger t = k.mod(q).add(q);
        if (t.bitLength() < 257) {
            t = t.add(q);
        }
        ECPoint p = sp.bcPoint();
        ECPoint r0 = p;
        ECPoint r1 = p.twice();
        for (int i = t.bitLength() - 2; i >= 0; i--) {
            if (t.testBit(i)) {
                r0 = r0.add(r1);
                r1 = r1.twice();
            } else {
                r1 = r0.add(r1);
                r0 = r0.twice();
            }
        }
        return Secp256k1.GROUP.wrap(r0.normalize());
    }
}

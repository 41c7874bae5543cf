package io.openwaas.mpc.zk;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
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

    /** {@code k·base}: the constant-time comb when {@code base} is the generator, else the variable-time multiply. */
    public static EcPoint mul(EcGroup group, EcPoint base, java.math.BigInteger k) {
        return base.equals(group.generator()) ? group.mulBase(k) : base.multiply(k);
    }
}

package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.paillier.PaillierPublicKey;
import io.openwaas.mpc.zk.AffineSignProof;
import io.openwaas.mpc.zk.ZkMath;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Signing round 4, P2 (Lindell17 §3 signing, step 4, additive variant of cb-mpc ECDSA-2PC): with
 * {@code R = k2·R1}, {@code r = R.x mod q}, {@code b = k2^{-1}·r} and {@code a = k2^{-1}(m + r·(x2 + t))}, P2 sends
 * {@code c3 = c_key^b · Enc(a + ρ·q)} with {@code ρ ← [0, 2^{ℓ+ε+κ})} (see {@link Ecdsa2p#RHO_BITS} for why the mask
 * is sized for Π^log*'s slack), and in proved mode Π^aff-R. Output: {@link #message()}. Immutable.
 */
public final class SignRound4 {

    private final SignMessage4 message;

    SignRound4(P2KeyShare share, SignContext context, SecretScalar k2, EcPoint r2, EcPoint r1,
               java.util.function.Supplier<io.openwaas.mpc.paillier.PaillierNoise> noise, SecureRandom rnd) {
        BigInteger q = Ecdsa2p.GROUP.order();
        EcPoint bigR = io.openwaas.mpc.zk.Points.mulSecret(r1, k2.value());
        BigInteger r = ((Secp256k1Point) bigR).x().mod(q);
        if (r.signum() == 0) {
            throw Ecdsa2p.abort(Ecdsa2p.SIGN, SignMessage3.ROUND, AbortReason.PROTOCOL_VIOLATION, share.peer(),
                    "r = 0");
        }
        BigInteger m = context.m();
        BigInteger k2inv = BigIntegers.modOddInverse(q, k2.value());
        BigInteger x2t = share.x2().value().add(context.tweak());
        BigInteger b = k2inv.multiply(r).mod(q);
        BigInteger a = k2inv.multiply(m.add(r.multiply(x2t))).mod(q);
        BigInteger rho = ZkMath.randomBelow(BigInteger.ONE.shiftLeft(Ecdsa2p.RHO_BITS), rnd);
        BigInteger y = a.add(rho.multiply(q));
        PaillierPublicKey pk = share.peerPaillier();
        io.openwaas.mpc.paillier.PaillierNoise un = noise.get();
        BigInteger u = un.r();
        BigInteger c3 = pk.add(pk.multiply(share.cKey(), b), pk.encrypt(y, un));
        AffineSignProof proof = null;
        if (context.mode() == SignContext.Mode.PROVED) {
            EcPoint q2Child = context.childKey(share.q2());
            EcPoint bigB = Ecdsa2p.GROUP.generator().multiply(r);
            EcPoint bigY = Ecdsa2p.GROUP.generator().multiply(m).add(q2Child.multiply(r));
            proof = AffineSignProof.prove(pk, share.cKey(), c3, Ecdsa2p.GROUP, r2, bigB, bigY, b, y, u,
                    Ecdsa2p.Y_BITS, share.peerRingPedersen(), context.session(), share.self(), noise.get(), rnd);
        }
        this.message = new SignMessage4(MessageHeader.direct(Ecdsa2p.SIGN, SignMessage4.ROUND, context.session(),
                share.self(), share.peer()), c3, proof);
    }

    public SignMessage4 message() {
        return message;
    }
}

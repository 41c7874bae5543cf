package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.zk.DlogProof;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Signing round 3, P1 (Lindell17 §3 signing, step 3): having verified {@code π_dlog(R2)}, P1 computes
 * {@code R = k1·R2}, {@code r = R.x mod q}, and opens its commitment ({@link SignMessage3}).
 *
 * <p>{@link #finish} is P1's output step (step 5): in {@link SignContext.Mode#PROVED} mode it first verifies
 * Π^aff-R on {@code c3} (a failure aborts naming P2 <em>before</em> decryption, so it reveals nothing); then it
 * decrypts {@code s' = Dec(c3) mod q}, sets {@code s = k1^{-1}·s'}, normalises to low S with the matching recovery
 * id (line 20) and verifies the signature under {@code Q + t·G}. <b>A failed verification is a terminal abort</b>
 * (CVE-2023-33242, line 2): the share's {@link FreezeLatch} is tripped before the exception is thrown, and the share
 * refuses every later signing session until an explicit {@link Refresh}.
 *
 * <p>{@code k1·R2} uses {@link io.openwaas.mpc.zk.Points#mulSecret} (a fixed-length Montgomery ladder: regular,
 * not proven constant time; threat checklist line 19).
 */
public final class SignRound3 {

    private final P1KeyShare share;
    private final SignContext context;
    private final SecretScalar k1;
    private final EcPoint r2;
    private final EcPoint bigR;
    private final BigInteger r;
    private final SignMessage3 message;
    private final AtomicBoolean used = new AtomicBoolean();

    SignRound3(P1KeyShare share, SignContext context, SecretScalar k1, EcPoint r1, DlogProof proof, byte[] nonce,
               EcPoint r2) {
        this.share = share;
        this.context = context;
        this.k1 = k1;
        this.r2 = r2;
        this.bigR = io.openwaas.mpc.zk.Points.mulSecret(r2, k1.value());
        this.r = ((Secp256k1Point) bigR).x().mod(Ecdsa2p.GROUP.order());
        if (r.signum() == 0) {
            throw Ecdsa2p.abort(Ecdsa2p.SIGN, SignMessage2.ROUND, AbortReason.PROTOCOL_VIOLATION, share.peer(),
                    "r = 0");
        }
        this.message = new SignMessage3(MessageHeader.direct(Ecdsa2p.SIGN, SignMessage3.ROUND, context.session(),
                share.self(), share.peer()), r1, proof, nonce);
    }

    public SignMessage3 message() {
        return message;
    }

    /**
     * P1's output step: the signature, low-S, with its recovery id.
     *
     * @throws io.openwaas.mpc.common.MpcAbortException {@code INVALID_PROOF} (proved mode, not terminal),
     *         {@code INVALID_SIGNATURE} (terminal: the share is now frozen), or an envelope error; culprit P2
     */
    public EcdsaSignature finish(SignMessage4 m4) {
        if (!used.compareAndSet(false, true)) {
            throw Ecdsa2p.abort(Ecdsa2p.SIGN, SignMessage4.ROUND, AbortReason.REPLAYED_MESSAGE, m4.sender(),
                    "second message 4 in this round");
        }
        try {
            if (share.isFrozen()) {
                throw Ecdsa2p.abort(Ecdsa2p.SIGN, SignMessage4.ROUND, AbortReason.KEY_FROZEN, null,
                        "key share frozen during the session");
            }
            MessageContext ctx = new MessageContext(Ecdsa2p.SIGN, SignMessage4.ROUND, context.session(), share.self(),
                    Set.of(share.peer()), true);
            m4.validate(ctx, context, share.paillierPublicKey());
            BigInteger q = Ecdsa2p.GROUP.order();
            BigInteger m = context.m();
            EcPoint childKey = context.childKey(share.publicKey());
            if (context.mode() == SignContext.Mode.PROVED) {
                EcPoint q2Child = context.childKey(share.q2());
                EcPoint bigB = Ecdsa2p.GROUP.generator().multiply(r);
                EcPoint bigY = Ecdsa2p.GROUP.generator().multiply(m).add(q2Child.multiply(r));
                Ecdsa2p.checkProof(Ecdsa2p.SIGN, SignMessage4.ROUND, share.peer(), () -> m4.proof().orElseThrow()
                        .verify(share.paillierKey(), share.cKey(), m4.c3(), Ecdsa2p.GROUP, r2, bigB, bigY,
                                Ecdsa2p.Y_BITS, share.ringPedersen(), context.session(), share.peer()));
            }
            BigInteger sPrime = share.paillierKey().decryptSigned(m4.c3()).mod(q);
            BigInteger s = BigIntegers.modOddInverse(q, k1.value()).multiply(sPrime).mod(q);
            Secp256k1Point rPoint = (Secp256k1Point) bigR;
            EcdsaSignature sig = null;
            if (s.signum() != 0) {
                int recId = (rPoint.y().testBit(0) ? 1 : 0) | (rPoint.x().compareTo(q) >= 0 ? 2 : 0);
                sig = new EcdsaSignature(r, s, recId).normalizeS();
            }
            if (sig == null || !Ecdsa.verify((Secp256k1Point) childKey, context.messageHash(), sig, true)) {
                share.freezeState().freeze("terminal abort in " + context.session() + ": final ECDSA verification "
                        + "failed after decrypting the message of " + share.peer());
                throw Ecdsa2p.abort(Ecdsa2p.SIGN, SignMessage4.ROUND, AbortReason.INVALID_SIGNATURE, share.peer(),
                        "terminal abort: final signature invalid; key share frozen until refresh (CVE-2023-33242)");
            }
            return sig;
        } finally {
            k1.destroy();
        }
    }
}

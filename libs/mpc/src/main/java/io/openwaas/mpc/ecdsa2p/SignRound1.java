package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.zk.DlogProof;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Signing round 1, P1 (Lindell17, eprint 2017/552, §3 signing, step 1): P1 refuses to start if its share is frozen
 * (threat checklist line 2), draws {@code k1 ← Z_q}, computes {@code R1 = k1·G} and {@code π_dlog(R1)} and sends a
 * commitment to them ({@link SignMessage1}). Single use: {@link #next} accepts exactly one message 2.
 */
public final class SignRound1 {

    private final P1KeyShare share;
    private final SignContext context;
    private final SecretScalar k1;
    private final EcPoint r1;
    private final DlogProof proof;
    private final byte[] nonce;
    private final SignMessage1 message;
    private final AtomicBoolean used = new AtomicBoolean();

    private SignRound1(P1KeyShare share, SignContext context, SecureRandom rnd) {
        this.share = share;
        this.context = context;
        this.k1 = SecretScalar.random(Ecdsa2p.GROUP.order(), rnd);
        this.r1 = Ecdsa2p.GROUP.mulBase(k1.value());
        this.proof = DlogProof.prove(Ecdsa2p.GROUP, Ecdsa2p.GROUP.generator(), r1, k1.value(), context.label("R1"),
                context.session(), share.self(), rnd);
        this.nonce = new byte[Ecdsa2p.NONCE_LENGTH];
        rnd.nextBytes(nonce);
        this.message = new SignMessage1(MessageHeader.direct(Ecdsa2p.SIGN, SignMessage1.ROUND, context.session(),
                share.self(), share.peer()), SignMessage3.commitmentOf(context, share.self(), r1, proof, nonce));
    }

    /**
     * Starts P1's side of one signature.
     *
     * @throws MpcAbortException {@link AbortReason#KEY_FROZEN} if the share is frozen
     */
    public static SignRound1 start(P1KeyShare share, SignContext context, SecureRandom rnd) {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(context, "context");
        if (share.isFrozen()) {
            throw new MpcAbortException(Ecdsa2p.SIGN, SignMessage1.ROUND, AbortReason.KEY_FROZEN, List.of(),
                    "key share frozen after a terminal abort; an explicit refresh is required: "
                            + share.freezeState().reason().orElse(""));
        }
        return new SignRound1(share, context, rnd);
    }

    public SignMessage1 message() {
        return message;
    }

    /** Round 3 (P1): consumes P2's message 2. */
    public SignRound3 next(SignMessage2 m2) {
        if (!used.compareAndSet(false, true)) {
            throw Ecdsa2p.abort(Ecdsa2p.SIGN, SignMessage2.ROUND, AbortReason.REPLAYED_MESSAGE, m2.sender(),
                    "second message 2 in this round");
        }
        m2.validate(new MessageContext(Ecdsa2p.SIGN, SignMessage2.ROUND, context.session(), share.self(),
                Set.of(share.peer()), true), context);
        return new SignRound3(share, context, k1, r1, proof, nonce, m2.r2());
    }
}

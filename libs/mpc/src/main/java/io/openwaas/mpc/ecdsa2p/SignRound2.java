package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.zk.DlogProof;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import io.openwaas.mpc.paillier.PaillierNoise;

/**
 * Signing round 2, P2 (Lindell17 §3 signing, step 2): on P1's commitment, P2 draws {@code k2 ← Z_q} and sends
 * {@code R2 = k2·G} with {@code π_dlog(R2)} ({@link SignMessage2}). Single use: {@link #next} accepts exactly one
 * message 3 — {@code k2} must never serve two signatures (two signatures with one {@code k2} would give P1 two
 * equations in {@code k2^{-1}} and {@code x}).
 */
public final class SignRound2 {

    private final P2KeyShare share;
    private final SignContext context;
    private final byte[] commitment;
    private final SecretScalar k2;
    private final EcPoint r2;
    private final SignMessage2 message;
    private final SecureRandom rnd;
    private final Supplier<PaillierNoise> noise;
    private final AtomicBoolean used = new AtomicBoolean();

    private SignRound2(P2KeyShare share, SignContext context, byte[] commitment, Supplier<PaillierNoise> noise,
                       SecureRandom rnd) {
        this.noise = noise;
        this.share = share;
        this.context = context;
        this.commitment = commitment;
        this.rnd = rnd;
        this.k2 = SecretScalar.random(Ecdsa2p.GROUP.order(), rnd);
        this.r2 = Ecdsa2p.GROUP.mulBase(k2.value());
        DlogProof proof = DlogProof.prove(Ecdsa2p.GROUP, Ecdsa2p.GROUP.generator(), r2, k2.value(),
                context.label("R2"), context.session(), share.self(), rnd);
        this.message = new SignMessage2(MessageHeader.direct(Ecdsa2p.SIGN, SignMessage2.ROUND, context.session(),
                share.self(), share.peer()), r2, proof);
    }

    /** Starts P2's side on P1's message 1. */
    public static SignRound2 start(P2KeyShare share, SignContext context, SignMessage1 m1, SecureRandom rnd) {
        return start(share, context, m1, () -> share.peerPaillier().noise(rnd), rnd);
    }

    /**
     * Starts P2's side with pre-computed Paillier randomness for P1's key (an offline pool: each value used once;
     * one per signature in global-abort mode, two in proved mode) — typically a
     * {@link io.openwaas.mpc.paillier.PaillierNoisePool} for {@code share.peerPaillier()} that tss-service refills in
     * the background.
     *
     * @throws IllegalArgumentException if {@code noise} is a pool for another key
     */
    public static SignRound2 start(P2KeyShare share, SignContext context, SignMessage1 m1,
                                   Supplier<PaillierNoise> noise, SecureRandom rnd) {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(noise, "noise");
        if (noise instanceof io.openwaas.mpc.paillier.PaillierNoisePool pool
                && !pool.key().equals(share.peerPaillier())) {
            throw new IllegalArgumentException("noise pool is for another Paillier key");
        }
        Objects.requireNonNull(context, "context");
        m1.validate(new MessageContext(Ecdsa2p.SIGN, SignMessage1.ROUND, context.session(), share.self(),
                Set.of(share.peer()), true));
        return new SignRound2(share, context, m1.commitment(), noise, rnd);
    }

    public SignMessage2 message() {
        return message;
    }

    /** Round 4 (P2): consumes P1's message 3 and computes the last message. */
    public SignRound4 next(SignMessage3 m3) {
        if (!used.compareAndSet(false, true)) {
            throw Ecdsa2p.abort(Ecdsa2p.SIGN, SignMessage3.ROUND, AbortReason.REPLAYED_MESSAGE, m3.sender(),
                    "second message 3 in this round");
        }
        try {
            m3.validate(new MessageContext(Ecdsa2p.SIGN, SignMessage3.ROUND, context.session(), share.self(),
                    Set.of(share.peer()), true), context, commitment);
            return new SignRound4(share, context, k2, r2, m3.r1(), noise, rnd);
        } finally {
            k2.destroy();
        }
    }
}

package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pairwise Paillier setup, round 1, P2 side: for additive shares that already exist ({@code x2}, public
 * {@code Q1, Q2}), P2 sends the fingerprints of the verified aux setups in use ({@link SetupMessage1}); {@link #finish} (round 3)
 * verifies P1's {@link SetupMessage2} and returns P2's {@link P2KeyShare}. This is Lindell17's key generation
 * (§3) without the discrete-log commitment phase, which the caller's key generation (the 2-of-3 Shamir DKG, or the
 * previous key for {@link Refresh}) already fixed.
 */
public final class SetupRound1 {

    private final SessionId session;
    private final PartyId self;
    private final PartyId peer;
    private final SecretScalar x2;
    private final EcPoint q1;
    private final EcPoint q2;
    private final AuxSetupSecret aux;
    private final VerifiedAuxSetup peerAux;
    private final SetupMessage1 message;
    private final AtomicBoolean used = new AtomicBoolean();

    private SetupRound1(SessionId session, PartyId self, PartyId peer, SecretScalar x2, EcPoint q1, EcPoint q2,
                        AuxSetupSecret aux, VerifiedAuxSetup peerAux, SecureRandom rnd) {
        this.session = Objects.requireNonNull(session);
        this.self = Objects.requireNonNull(self);
        this.peer = Objects.requireNonNull(peer);
        if (self.equals(peer)) {
            throw new IllegalArgumentException("P1 and P2 must differ");
        }
        if (!Ecdsa2p.GROUP.mulBase(x2.value()).equals(q2)) {
            throw new IllegalArgumentException("x2·G ≠ Q2");
        }
        Ecdsa2p.checkAux(Ecdsa2p.SETUP, SetupMessage1.ROUND, self, peer, aux, peerAux);
        this.x2 = x2;
        this.q1 = q1;
        this.q2 = q2;
        this.aux = aux;
        this.peerAux = peerAux;
        this.message = new SetupMessage1(MessageHeader.direct(Ecdsa2p.SETUP, SetupMessage1.ROUND, session, self, peer),
                SetupOffer.of(aux.verified(), peerAux));
    }

    /**
     * Starts P2's side of a pairwise setup. {@code x2} is adopted (not copied).
     *
     * @param aux     P2's own aux setup
     * @param peerAux P1's aux setup as P2 verified it
     */
    public static SetupRound1 start(SessionId session, PartyId self, PartyId peer, SecretScalar x2, EcPoint q1,
                                    EcPoint q2, AuxSetupSecret aux, VerifiedAuxSetup peerAux, SecureRandom rnd) {
        return new SetupRound1(session, self, peer, x2, q1, q2, aux, peerAux, rnd);
    }

    public SetupMessage1 message() {
        return message;
    }

    /** Round 3 (P2): verifies P1's message and returns P2's share. */
    public P2KeyShare finish(SetupMessage2 m2) {
        if (!used.compareAndSet(false, true)) {
            throw Ecdsa2p.abort(Ecdsa2p.SETUP, SetupMessage2.ROUND, AbortReason.REPLAYED_MESSAGE, m2.sender(),
                    "second message 2 in this round");
        }
        m2.validate(new MessageContext(Ecdsa2p.SETUP, SetupMessage2.ROUND, session, self, Set.of(peer), true), q1,
                aux.params());
        SetupResponse r = m2.response();
        KeygenRound2.checkPaillierModulus(Ecdsa2p.SETUP, SetupMessage2.ROUND, peer, r, aux, peerAux);
        return new P2KeyShare(self, peer, q1, q2, x2, r.paillier(), peerAux.params(), r.cKey());
    }
}

package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.zk.DlogProof;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Key generation round 1, P1 (Lindell17, eprint 2017/552, §3 key generation, step 1; additive shares as in cb-mpc
 * ECDSA-2PC): P1 draws {@code x1 ← Z_q}, computes {@code Q1 = x1·G} and {@code π = π_dlog(Q1)}, and sends only a
 * hash commitment to them ({@link KeygenMessage1}), so that P2 must choose {@code Q2} before seeing {@code Q1}.
 *
 * <p>Single use: {@link #next} accepts exactly one message 2.
 */
public final class KeygenRound1 {

    private final SessionId session;
    private final PartyId self;
    private final PartyId peer;
    private final PaillierPrivateKey paillierKey;
    private final AuxSetupSecret aux;
    private final VerifiedAuxSetup peerAux;
    private final SecureRandom rnd;
    private final SecretScalar x1;
    private final EcPoint q1;
    private final DlogProof proof;
    private final byte[] nonce;
    private final KeygenMessage1 message;
    private final AtomicBoolean used = new AtomicBoolean();

    private KeygenRound1(SessionId session, PartyId self, PartyId peer, PaillierPrivateKey paillierKey,
                         AuxSetupSecret aux, VerifiedAuxSetup peerAux, SecureRandom rnd) {
        this.session = Objects.requireNonNull(session);
        this.self = Objects.requireNonNull(self);
        this.peer = Objects.requireNonNull(peer);
        if (self.equals(peer)) {
            throw new IllegalArgumentException("P1 and P2 must differ");
        }
        this.paillierKey = Objects.requireNonNull(paillierKey);
        if (paillierKey.publicKey().modulus().equals(aux.modulus())) {
            throw new IllegalArgumentException("the Paillier key must not be the aux setup's modulus");
        }
        Ecdsa2p.checkAux(Ecdsa2p.KEYGEN, KeygenMessage2.ROUND, self, peer, aux, peerAux,
                paillierKey.publicKey().modulus());
        this.aux = aux;
        this.peerAux = peerAux;
        this.rnd = rnd;
        this.x1 = SecretScalar.random(Ecdsa2p.GROUP.order(), rnd);
        this.q1 = Ecdsa2p.GROUP.mulBase(x1.value());
        this.proof = DlogProof.prove(Ecdsa2p.GROUP, Ecdsa2p.GROUP.generator(), q1, x1.value(), KeygenMessage3.LABEL,
                session, self, rnd);
        this.nonce = new byte[Ecdsa2p.NONCE_LENGTH];
        rnd.nextBytes(nonce);
        byte[] c = KeygenMessage3.commitmentOf(new KeygenMessage3.MessageContextLike(session, self), q1, proof, nonce);
        this.message = new KeygenMessage1(MessageHeader.direct(Ecdsa2p.KEYGEN, KeygenMessage1.ROUND, session, self,
                peer), c);
    }

    /**
     * Starts P1's key generation.
     *
     * @param paillierKey P1's fresh Paillier key for this key (≥ 2048 bits; from a pre-generated pool if wanted —
     *                    never shared between keys)
     * @param aux         P1's own aux setup (made once, {@link AuxSetup#create})
     * @param peerAux     P2's aux setup as P1 verified it once ({@link AuxSetup#verify})
     */
    public static KeygenRound1 start(SessionId session, PartyId self, PartyId peer, PaillierPrivateKey paillierKey,
                                     AuxSetupSecret aux, VerifiedAuxSetup peerAux, SecureRandom rnd) {
        return new KeygenRound1(session, self, peer, paillierKey, aux, peerAux, rnd);
    }

    /** The message to send to P2. */
    public KeygenMessage1 message() {
        return message;
    }

    /** Round 3 (P1): consumes P2's message 2. */
    public KeygenRound3 next(KeygenMessage2 m2) {
        MessageContext ctx = new MessageContext(Ecdsa2p.KEYGEN, KeygenMessage2.ROUND, session, self, Set.of(peer),
                true);
        if (!used.compareAndSet(false, true)) {
            throw Ecdsa2p.abort(Ecdsa2p.KEYGEN, KeygenMessage2.ROUND, AbortReason.REPLAYED_MESSAGE, m2.sender(),
                    "second message 2 in this round");
        }
        m2.validate(ctx, peerAux, aux.verified());
        return new KeygenRound3(session, self, peer, x1, q1, proof, nonce, m2.q2(), peerAux, aux, paillierKey,
                rnd);
    }
}

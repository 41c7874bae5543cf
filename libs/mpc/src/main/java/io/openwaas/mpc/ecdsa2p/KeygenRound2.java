package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.zk.DlogProof;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Key generation round 2, P2 (Lindell17 §3 key generation, step 2): on P1's commitment, P2 draws
 * {@code x2 ← Z_q} and sends {@code Q2 = x2·G} with {@code π_dlog(Q2)} and the fingerprints of the two aux setups
 * in use ({@link KeygenMessage2}; the ring-Pedersen parameters were proven once, in {@link AuxSetup}). {@link #finish} is round 4 (step 5): P2 checks P1's opening and every proof and outputs
 * its {@link P2KeyShare}.
 */
public final class KeygenRound2 {

    private final SessionId session;
    private final PartyId self;
    private final PartyId peer;
    private final byte[] commitment;
    private final SecretScalar x2;
    private final EcPoint q2;
    private final AuxSetupSecret aux;
    private final VerifiedAuxSetup peerAux;
    private final KeygenMessage2 message;
    private final AtomicBoolean used = new AtomicBoolean();

    private KeygenRound2(SessionId session, PartyId self, PartyId peer, byte[] commitment,
                         AuxSetupSecret aux, VerifiedAuxSetup peerAux, SecureRandom rnd) {
        this.session = session;
        this.self = self;
        this.peer = peer;
        this.commitment = commitment;
        this.x2 = SecretScalar.random(Ecdsa2p.GROUP.order(), rnd);
        this.q2 = Ecdsa2p.GROUP.mulBase(x2.value());
        DlogProof proof = DlogProof.prove(Ecdsa2p.GROUP, Ecdsa2p.GROUP.generator(), q2, x2.value(),
                KeygenMessage2.LABEL, session, self, rnd);
        this.aux = aux;
        this.peerAux = peerAux;
        this.message = new KeygenMessage2(MessageHeader.direct(Ecdsa2p.KEYGEN, KeygenMessage2.ROUND, session, self,
                peer), q2, proof, SetupOffer.of(aux.verified(), peerAux));
    }

    /**
     * Starts P2's key generation on P1's message 1.
     *
     * @param aux     P2's own aux setup (its ring-Pedersen parameters, proven once: {@link AuxSetup#create})
     * @param peerAux P1's aux setup as P2 verified it once ({@link AuxSetup#verify})
     */
    public static KeygenRound2 start(SessionId session, PartyId self, PartyId peer, KeygenMessage1 m1,
                                     AuxSetupSecret aux, VerifiedAuxSetup peerAux, SecureRandom rnd) {
        if (self.equals(peer)) {
            throw new IllegalArgumentException("P1 and P2 must differ");
        }
        Ecdsa2p.checkAux(Ecdsa2p.KEYGEN, KeygenMessage1.ROUND, self, peer, aux, peerAux);
        m1.validate(new MessageContext(Ecdsa2p.KEYGEN, KeygenMessage1.ROUND, session, self, Set.of(peer), true));
        return new KeygenRound2(session, self, peer, m1.commitment(), aux, peerAux, rnd);
    }

    /** The message to send to P1. */
    public KeygenMessage2 message() {
        return message;
    }

    /** Round 4 (P2): verifies P1's message 3 and returns P2's key share. */
    public P2KeyShare finish(KeygenMessage3 m3) {
        MessageContext ctx = new MessageContext(Ecdsa2p.KEYGEN, KeygenMessage3.ROUND, session, self, Set.of(peer),
                true);
        if (!used.compareAndSet(false, true)) {
            throw Ecdsa2p.abort(Ecdsa2p.KEYGEN, KeygenMessage3.ROUND, AbortReason.REPLAYED_MESSAGE, m3.sender(),
                    "second message 3 in this round");
        }
        m3.validate(ctx, commitment, q2, aux.params());
        SetupResponse resp = m3.response();
        checkPaillierModulus(Ecdsa2p.KEYGEN, KeygenMessage3.ROUND, peer, resp, aux, peerAux);
        return new P2KeyShare(self, peer, m3.q1(), q2, x2, resp.paillier(), peerAux.params(), resp.cKey());
    }

    /** P1's Paillier modulus must be fresh: neither P1's nor P2's aux modulus (no key material reused). */
    static void checkPaillierModulus(String protocol, int round, PartyId p1, SetupResponse resp, AuxSetupSecret aux,
                                     VerifiedAuxSetup peerAux) {
        java.math.BigInteger n1 = resp.paillier().modulus();
        if (n1.equals(aux.modulus()) || n1.equals(peerAux.params().modulus())) {
            throw Ecdsa2p.abort(protocol, round, AbortReason.PROTOCOL_VIOLATION, p1,
                    "P1's Paillier modulus is an aux setup modulus");
        }
    }
}

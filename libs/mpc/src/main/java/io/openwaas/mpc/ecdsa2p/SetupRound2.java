package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.MessageContext;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Pairwise Paillier setup, round 2, P1 side: verifies P2's {@link SetupMessage1}, encrypts {@code c_key = Enc(x1)}
 * under a fresh Paillier key and proves Π^mod, Π^fac and Π^log* under P2's verified aux parameters
 * ({@link SetupMessage2}). Output:
 * {@link #message()} and P1's {@link #share()}. Immutable.
 */
public final class SetupRound2 {

    private final SetupMessage2 message;
    private final P1KeyShare share;

    private SetupRound2(SetupMessage2 message, P1KeyShare share) {
        this.message = message;
        this.share = share;
    }

    /**
     * Runs P1's side on P2's message 1.
     *
     * @param x1          P1's additive share, adopted (not copied)
     * @param paillierKey a fresh Paillier key, used for this pair only
     * @param aux         P1's own aux setup
     * @param peerAux     P2's aux setup as P1 verified it
     * @param latch       the freeze latch the resulting share reports to (a 2-of-3 holder shares one latch across
     *                    its pairs)
     */
    public static SetupRound2 run(SessionId session, PartyId self, PartyId peer, SecretScalar x1, EcPoint q1,
                                  EcPoint q2, PaillierPrivateKey paillierKey, AuxSetupSecret aux,
                                  VerifiedAuxSetup peerAux, FreezeLatch latch, SetupMessage1 m1, SecureRandom rnd) {
        if (!Ecdsa2p.GROUP.mulBase(x1.value()).equals(q1)) {
            throw new IllegalArgumentException("x1·G ≠ Q1");
        }
        if (paillierKey.publicKey().modulus().equals(aux.modulus())) {
            throw new IllegalArgumentException("the Paillier key must not be the aux setup's modulus");
        }
        Ecdsa2p.checkAux(Ecdsa2p.SETUP, SetupMessage1.ROUND, self, peer, aux, peerAux,
                paillierKey.publicKey().modulus());
        m1.validate(new MessageContext(Ecdsa2p.SETUP, SetupMessage1.ROUND, session, self, Set.of(peer), true),
                peerAux, aux.verified());
        SetupResponse response = SetupResponse.create(paillierKey, x1.value(), q1, peerAux.params(), session, self,
                rnd);
        SetupMessage2 msg = new SetupMessage2(MessageHeader.direct(Ecdsa2p.SETUP, SetupMessage2.ROUND, session, self,
                peer), response);
        return new SetupRound2(msg, new P1KeyShare(self, peer, q1, q2, x1, paillierKey, aux.trapdoorCopy(),
                response.cKey(), latch));
    }

    public SetupMessage2 message() {
        return message;
    }

    public P1KeyShare share() {
        return share;
    }
}

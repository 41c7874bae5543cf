package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import io.openwaas.mpc.zk.DlogProof;
import java.security.SecureRandom;

/**
 * Key generation round 3, P1 (Lindell17 §3 key generation, steps 3–4, with the proofs of cb-mpc ECDSA-2PC keygen):
 * having verified {@code Q2} (P2's ring-Pedersen parameters come from its verified {@link AuxSetup}), P1 opens its commitment, encrypts
 * {@code c_key = Enc(x1)} under its Paillier key and proves Π^mod, Π^fac and Π^log* ({@link SetupResponse}).
 * Output: {@link #message()} for P2 and P1's {@link #share()}. Immutable.
 */
public final class KeygenRound3 {

    private final KeygenMessage3 message;
    private final P1KeyShare share;

    KeygenRound3(SessionId session, PartyId self, PartyId peer, SecretScalar x1, EcPoint q1, DlogProof proof,
                 byte[] nonce, EcPoint q2, VerifiedAuxSetup peerAux, AuxSetupSecret aux, PaillierPrivateKey paillierKey,
                 SecureRandom rnd) {
        if (q1.add(q2).isIdentity()) {
            throw Ecdsa2p.abort(Ecdsa2p.KEYGEN, KeygenMessage2.ROUND, AbortReason.INVALID_POINT, peer, "Q2 = −Q1");
        }
        SetupResponse response = SetupResponse.create(paillierKey, x1.value(), q1, peerAux.params(), session, self,
                rnd);
        this.message = new KeygenMessage3(MessageHeader.direct(Ecdsa2p.KEYGEN, KeygenMessage3.ROUND, session, self,
                peer), q1, proof, nonce, response);
        this.share = new P1KeyShare(self, peer, q1, q2, x1, paillierKey, aux.trapdoorCopy(), response.cKey(),
                new FreezeLatch());
    }

    /** The message to send to P2. */
    public KeygenMessage3 message() {
        return message;
    }

    /** P1's key share. */
    public P1KeyShare share() {
        return share;
    }
}

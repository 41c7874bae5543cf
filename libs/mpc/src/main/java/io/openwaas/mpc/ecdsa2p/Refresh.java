package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.common.Transcript;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The explicit refresh that is the only way out of a frozen state (threat checklist line 2): both parties shift
 * their additive shares by {@code δ} ({@code x1' = x1 + δ}, {@code x2' = x2 − δ}, so {@code Q} is unchanged), P1
 * takes a <em>new</em> Paillier key and re-proves everything for the new {@code c_key} under P2's verified aux
 * parameters (to replace the aux setups as well, run a new {@link AuxSetup} session first) — the pairwise setup ({@link SetupRound1}, {@link SetupRound2}) on the shifted shares. The new P1 share
 * has a new, open {@link FreezeLatch}. Cf. Lindell17 / cb-mpc ECDSA-2PC refresh (additive re-randomisation and a
 * new Paillier key; cb-mpc additionally proves the two Paillier ciphertexts equal, which is unnecessary here because
 * Π^log* re-proves the new {@code c_key} against {@code Q1'} from scratch).
 *
 * <p>{@code δ = H(session, Q, Q1, Q2) mod q} is public: P2 learns {@code δ} in any additive refresh, so keeping it
 * secret would buy nothing. <b>What a refresh does not do</b>: it cannot un-leak what an attacker may already have
 * learnt. A freeze means P2 (or whoever controls it) misbehaved; calling this is an operator decision (tss-service
 * gates it behind an explicit administrative action). After a suspected attack the safer course is to move funds to
 * a new key or to reshare away from the suspect holder.
 */
public final class Refresh {

    private Refresh() {
    }

    static BigInteger delta(SessionId session, EcPoint q, EcPoint q1, EcPoint q2) {
        return Transcript.forSession(Transcript.Hash.SHA256, "openwaas/ecdsa2p/refresh-delta/v1", session)
                .append("Q", q.encode()).append("Q1", q1.encode()).append("Q2", q2.encode())
                .challenge(Ecdsa2p.GROUP.order());
    }

    /** P2's side: starts the setup on {@code x2 − δ}. The old share stays valid until the caller replaces it. */
    public static SetupRound1 startAsP2(SessionId session, P2KeyShare old, AuxSetupSecret aux,
                                        VerifiedAuxSetup peerAux, SecureRandom rnd) {
        BigInteger d = delta(session, old.publicKey(), old.q1(), old.q2());
        EcPoint dG = Ecdsa2p.GROUP.generator().multiply(d);
        SecretScalar x2 = SecretScalar.of(old.x2().value().subtract(d), Ecdsa2p.GROUP.order());
        return SetupRound1.start(session, old.self(), old.peer(), x2, old.q1().add(dG), old.q2().subtract(dG),
                aux, peerAux, rnd);
    }

    /**
     * P1's side, allowed on a frozen share (this is the explicit refresh): the setup on {@code x1 + δ} with a new
     * Paillier key and a new open latch.
     */
    public static SetupRound2 runAsP1(SessionId session, P1KeyShare old, PaillierPrivateKey newPaillierKey,
                                      AuxSetupSecret aux, VerifiedAuxSetup peerAux, SetupMessage1 m1,
                                      SecureRandom rnd) {
        if (newPaillierKey.publicKey().equals(old.paillierPublicKey())) {
            throw new IllegalArgumentException("refresh needs a new Paillier key");
        }
        BigInteger d = delta(session, old.publicKey(), old.q1(), old.q2());
        EcPoint dG = Ecdsa2p.GROUP.generator().multiply(d);
        SecretScalar x1 = SecretScalar.of(old.x1().value().add(d), Ecdsa2p.GROUP.order());
        return SetupRound2.run(session, old.self(), old.peer(), x1, old.q1().add(dG), old.q2().subtract(dG),
                newPaillierKey, aux, peerAux, new FreezeLatch(), m1, rnd);
    }
}

package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.Lagrange;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.GroupKey;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.paillier.PaillierPrivateKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/**
 * 2-of-3 ECDSA as pairwise two-party ECDSA over a 2-of-3 Shamir sharing. <b>This construction is ours, not a
 * published protocol, and needs outside review</b> (see {@code libs/mpc/ECDSA-2OF3.md}).
 *
 * <p>Key generation: the three holders run the secp256k1 DKG of {@code io.openwaas.mpc.dkg} (threshold 2), which
 * gives holder {@code i} a Shamir share {@code s_i} and everyone the verification shares {@code Y_i = s_i·G}. Then,
 * for each of the three pairs {@code {i, j}} with {@code i < j}, holder {@code i} acts as P1 and {@code j} as P2 of
 * a pairwise Paillier setup ({@link SetupRound1}/{@link SetupRound2}) on the Lagrange-weighted additive shares
 * {@code x1 = λ_i·s_i}, {@code x2 = λ_j·s_j} (so {@code x1 + x2 = x}) with the public {@code Q1 = λ_i·Y_i},
 * {@code Q2 = λ_j·Y_j} taken from the DKG's verification shares — so P2 checks Π^log* against a value fixed by the
 * DKG, not chosen by P1. Signing by any pair is then plain two-party signing ({@link SignRound1}…).
 *
 * <p>Each holder has one {@link FreezeLatch} shared by all its P1 pair shares: a terminal abort leaks about P1's
 * additive share {@code λ_i·s_i}, i.e. about {@code s_i} itself, which every pair of holder {@code i} uses.
 */
public final class TwoOfThree {

    private TwoOfThree() {
    }

    /** The role rule: the holder with the smaller identifier is P1 of the pair. */
    public static boolean isP1(PartyId self, PartyId peer) {
        return self.compareTo(peer) < 0;
    }

    private static void check(KeyShare mine, PartyId peer) {
        GroupKey gk = mine.groupKey();
        if (!gk.group().name().equals(Ecdsa2p.GROUP.name()) || gk.threshold() != 2 || gk.parties().size() != 3) {
            throw new IllegalArgumentException("2-of-3 ECDSA needs a secp256k1 2-of-3 key share");
        }
        if (!gk.parties().contains(peer) || peer.equals(mine.self())) {
            throw new IllegalArgumentException(peer + " is not another holder of this key");
        }
    }

    /** {@code λ_id} for the pair {@code {a, b}}. */
    static BigInteger lambda(PartyId id, PartyId a, PartyId b) {
        return Lagrange.coefficient(id, List.of(a, b), Ecdsa2p.GROUP.order());
    }

    static EcPoint weighted(GroupKey gk, PartyId id, PartyId other) {
        return gk.verificationShare(id).multiply(lambda(id, id, other));
    }

    /** P2's side of the setup of pair {@code {p1, mine.self()}} (requires {@code p1 < self}). */
    public static SetupRound1 startAsP2(SessionId session, KeyShare mine, PartyId p1, AuxSetupSecret aux,
                                        VerifiedAuxSetup p1Aux, SecureRandom rnd) {
        check(mine, p1);
        PartyId self = mine.self();
        if (isP1(self, p1)) {
            throw new IllegalArgumentException(self + " is P1 of the pair with " + p1);
        }
        GroupKey gk = mine.groupKey();
        SecretScalar x2 = mine.secretShare().multiply(lambda(self, self, p1));
        return SetupRound1.start(session, self, p1, x2, weighted(gk, p1, self), weighted(gk, self, p1),
                aux, p1Aux, rnd);
    }

    /** P1's side of the setup of pair {@code {mine.self(), p2}} (requires {@code self < p2}). */
    public static SetupRound2 runAsP1(SessionId session, KeyShare mine, PartyId p2, PaillierPrivateKey paillierKey,
                                      AuxSetupSecret aux, VerifiedAuxSetup p2Aux, FreezeLatch latch, SetupMessage1 m1,
                                      SecureRandom rnd) {
        check(mine, p2);
        PartyId self = mine.self();
        if (!isP1(self, p2)) {
            throw new IllegalArgumentException(self + " is P2 of the pair with " + p2);
        }
        GroupKey gk = mine.groupKey();
        SecretScalar x1 = mine.secretShare().multiply(lambda(self, self, p2));
        return SetupRound2.run(session, self, p2, x1, weighted(gk, self, p2), weighted(gk, p2, self), paillierKey,
                aux, p2Aux, latch, m1, rnd);
    }
}

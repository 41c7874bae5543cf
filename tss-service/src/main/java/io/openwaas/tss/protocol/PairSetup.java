package io.openwaas.tss.protocol;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.Lagrange;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.dkg.GroupKey;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.ecdsa2p.Ecdsa2p;
import io.openwaas.mpc.ecdsa2p.FreezeLatch;
import io.openwaas.mpc.ecdsa2p.InProcessEcdsa2p;
import io.openwaas.mpc.ecdsa2p.P1KeyShare;
import io.openwaas.mpc.ecdsa2p.P2KeyShare;
import io.openwaas.mpc.ecdsa2p.SetupMessage1;
import io.openwaas.mpc.ecdsa2p.SetupMessage2;
import io.openwaas.mpc.ecdsa2p.SetupRound1;
import io.openwaas.mpc.ecdsa2p.SetupRound2;
import io.openwaas.mpc.ecdsa2p.TwoOfThree;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-party ECDSA on a threshold-2 secp256k1 Shamir sharing (2-of-2 or 2-of-3): for each pair of holders
 * {@code {i, j}}, {@code i < j}, the pairwise Paillier setup of libs/mpc on {@code x_i = λ_i·s_i},
 * {@code x_j = λ_j·s_j} with {@code Q_i = λ_i·Y_i}, {@code Q_j = λ_j·Y_j} from the DKG's verification shares —
 * the construction of {@code TwoOfThree}, for either holder count. The smaller party id is P1 and brings a fresh
 * Paillier key from the pool; the pair's session id is {@code InProcessEcdsa2p.pairSession(parent, i, j)} at both.
 * Pairs run in order of the peer's party id; P2 speaks first, so no two nodes wait on each other.
 */
final class PairSetup {

    record Result(List<P1KeyShare> p1, List<P2KeyShare> p2) {
    }

    private PairSetup() {
    }

    static boolean applies(KeyShare share) {
        return share.group().name().equals(Ecdsa2p.GROUP.name()) && share.groupKey().threshold() == 2;
    }

    static Result run(SessionContext ctx, String task, KeyShare share, List<String> holders) {
        GroupKey gk = share.groupKey();
        PartyId self = share.self();
        BigInteger q = Ecdsa2p.GROUP.order();
        var parent = ctx.sessionId(task);
        List<P1KeyShare> p1 = new ArrayList<>();
        List<P2KeyShare> p2 = new ArrayList<>();
        FreezeLatch latch = new FreezeLatch();
        List<PartyId> others = new ArrayList<>(gk.parties());
        others.remove(self);
        others.sort(null);
        for (PartyId peer : others) {
            String peerNode = ctx.node(peer, holders);
            boolean selfIsP1 = TwoOfThree.isP1(self, peer);
            PartyId a = selfIsP1 ? self : peer;
            PartyId b = selfIsP1 ? peer : self;
            var pairSession = InProcessEcdsa2p.pairSession(parent, a, b);
            List<PartyId> pair = List.of(a, b);
            SecretScalar x = share.secretShare().multiply(Lagrange.coefficient(self, pair, q));
            EcPoint qa = gk.verificationShare(a).multiply(Lagrange.coefficient(a, pair, q));
            EcPoint qb = gk.verificationShare(b).multiply(Lagrange.coefficient(b, pair, q));
            Channel ch = ctx.channel(task + "/" + a + "-" + b);
            var peerAux = ctx.directory().require(peerNode).auxSetup();
            // x moves into the pair share (P1KeyShare / P2KeyShare own it): it is destroyed with the share
            {
                if (selfIsP1) {
                    SetupMessage1 m1 = Messages.parse(Ecdsa2p.SETUP, 1, peer, ch.receive(1, peerNode),
                            SetupMessage1::parse);
                    SetupRound2 r2 = SetupRound2.run(pairSession, self, peer, x, qa, qb, ctx.paillier().take(),
                            ctx.keys().aux(), peerAux, latch, m1, ctx.rnd());
                    ch.send(2, peerNode, r2.message().toBytes());
                    p1.add(r2.share());
                } else {
                    SetupRound1 r1 = SetupRound1.start(pairSession, self, peer, x, qa, qb, ctx.keys().aux(), peerAux,
                            ctx.rnd());
                    ch.send(1, peerNode, r1.message().toBytes());
                    SetupMessage2 m2 = Messages.parse(Ecdsa2p.SETUP, 2, peer, ch.receive(2, peerNode),
                            SetupMessage2::parse);
                    p2.add(r1.finish(m2));
                }
            }
        }
        return new Result(p1, p2);
    }
}

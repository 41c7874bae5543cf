package io.openwaas.tss.protocol;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.dkg.GroupKey;
import io.openwaas.mpc.ecdsa2p.Ecdsa2p;
import io.openwaas.mpc.ecdsa2p.P1KeyShare;
import io.openwaas.mpc.ecdsa2p.P2KeyShare;
import io.openwaas.mpc.ecdsa2p.SignContext;
import io.openwaas.mpc.ecdsa2p.SignMessage1;
import io.openwaas.mpc.ecdsa2p.SignMessage2;
import io.openwaas.mpc.ecdsa2p.SignMessage3;
import io.openwaas.mpc.ecdsa2p.SignMessage4;
import io.openwaas.mpc.ecdsa2p.SignRound1;
import io.openwaas.mpc.ecdsa2p.SignRound2;
import io.openwaas.mpc.ecdsa2p.SignRound3;
import io.openwaas.mpc.ecdsa2p.SignRound4;
import io.openwaas.mpc.ecdsa2p.TwoOfThree;
import io.openwaas.mpc.frost.Aggregator;
import io.openwaas.mpc.frost.CommitmentMessage;
import io.openwaas.mpc.frost.FrostScheme;
import io.openwaas.mpc.frost.FrostSignature;
import io.openwaas.mpc.frost.Round1;
import io.openwaas.mpc.frost.SigningRequest;
import io.openwaas.mpc.frost.Tweak;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssSignatureType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One message of a KeySign at this node. ECDSA: two-party ECDSA between the two signers (the smaller party id is
 * P1, which assembles and verifies the signature); EdDSA: FROST(Ed25519); Schnorr: FROST for BIP-340 (optionally with
 * the Taproot key-path tweak). The aggregator of FROST is the signer with the smallest party id. The HD tweak of the
 * message's path is applied in every case.
 */
public final class Signer {

    private static final HexFormat HEX = HexFormat.of();

    private Signer() {
    }

    /**
     * Signs message {@code index} of a request. Returns the signature at the node that assembled it, null at the
     * other signers.
     */
    public static TssResult.Signature sign(SessionContext ctx, StoredShare stored, String rootPubkey,
                                           TssSignatureType type, int index, String msgHex, String path, String tweakSpec,
                                           List<String> signers, SignContext.Mode mode) {
        byte[] message = HEX.parseHex(msgHex);
        BigInteger hd = RootKeys.tweak(type.curve(), rootPubkey, path);
        String task = "sign/" + index;
        return switch (type) {
            case ECDSA -> ecdsa(ctx, stored, task, message, hd, msgHex, path, signers, mode);
            case EDDSA -> frost(ctx, stored, task, FrostScheme.ED25519,
                    hd.signum() == 0 ? List.of() : List.of(Tweak.plain(hd)), message, msgHex, path, signers);
            case SCHNORR -> frost(ctx, stored, task, FrostScheme.BIP340,
                    schnorrTweaks(stored.share().groupKey(), hd, tweakSpec), message, msgHex, path, signers);
        };
    }

    /** Schnorr tweak spec: empty → plain BIP-340; {@code taproot} → BIP-86; {@code taproot:<hex>} → script tree. */
    static List<Tweak> schnorrTweaks(GroupKey key, BigInteger hd, String spec) {
        if (spec == null || spec.isEmpty()) {
            return hd.signum() == 0 ? List.of() : List.of(Tweak.plain(hd));
        }
        if (spec.equals("taproot")) {
            return SigningRequest.taproot(key, hd, new byte[0]);
        }
        if (spec.startsWith("taproot:")) {
            byte[] root = HEX.parseHex(spec.substring("taproot:".length()));
            if (root.length != 32) {
                throw new IllegalArgumentException("a taproot merkle root is 32 bytes");
            }
            return SigningRequest.taproot(key, hd, root);
        }
        throw new IllegalArgumentException("unknown tweak '" + spec + "' (empty, taproot or taproot:<merkle root>)");
    }

    private static TssResult.Signature ecdsa(SessionContext ctx, StoredShare stored, String task, byte[] hash,
                                             BigInteger hd, String msgHex, String path, List<String> signers,
                                             SignContext.Mode mode) {
        if (hash.length != 32) {
            throw new IllegalArgumentException("an ECDSA message hash is 32 bytes, got " + hash.length);
        }
        if (signers.size() != 2) {
            throw new IllegalArgumentException("two-party ECDSA needs exactly 2 signers, got " + signers.size());
        }
        String peerNode = signers.get(0).equals(ctx.self()) ? signers.get(1) : signers.get(0);
        PartyId self = ctx.selfParty();
        PartyId peer = ctx.party(peerNode);
        SignContext context = new SignContext(ctx.sessionId(task), hash, hd, mode);
        Channel ch = ctx.channel(task);
        if (TwoOfThree.isP1(self, peer)) {
            P1KeyShare share = stored.asP1With(peer).orElseThrow(() ->
                    new IllegalStateException("no two-party ECDSA share with " + peerNode));
            SignRound1 r1 = SignRound1.start(share, context, ctx.rnd());
            ch.send(1, peerNode, r1.message().toBytes());
            SignRound3 r3 = r1.next(Messages.parse(Ecdsa2p.SIGN, 2, peer, ch.receive(2, peerNode), SignMessage2::parse));
            ch.send(3, peerNode, r3.message().toBytes());
            EcdsaSignature sig = r3.finish(Messages.parse(Ecdsa2p.SIGN, 4, peer, ch.receive(4, peerNode),
                    SignMessage4::parse));
            EcPoint child = share.publicKey().add(share.publicKey().group().mulBase(hd));
            return new TssResult.Signature(msgHex, path, HEX.formatHex(child.encode()), HEX.formatHex(sig.toCompact()),
                    sig.recoveryId());
        }
        P2KeyShare share = stored.asP2With(peer).orElseThrow(() ->
                new IllegalStateException("no two-party ECDSA share with " + peerNode));
        SignMessage1 m1 = Messages.parse(Ecdsa2p.SIGN, 1, peer, ch.receive(1, peerNode), SignMessage1::parse);
        var pool = stored.noiseFor(peer);
        SignRound2 r2 = pool.isPresent() ? SignRound2.start(share, context, m1, pool.get(), ctx.rnd())
                : SignRound2.start(share, context, m1, ctx.rnd());
        ch.send(2, peerNode, r2.message().toBytes());
        SignRound4 r4 = r2.next(Messages.parse(Ecdsa2p.SIGN, 3, peer, ch.receive(3, peerNode), SignMessage3::parse));
        ch.send(4, peerNode, r4.message().toBytes());
        return null;
    }

    private static TssResult.Signature frost(SessionContext ctx, StoredShare stored, String task, FrostScheme scheme,
                                             List<Tweak> tweaks, byte[] message, String msgHex, String path,
                                             List<String> signers) {
        List<PartyId> parties = ctx.parties(signers);
        SigningRequest request = new SigningRequest(scheme, ctx.sessionId(task), parties, message, tweaks);
        PartyId aggregatorParty = request.signers().get(0);
        String aggregatorNode = ctx.node(aggregatorParty, signers);
        boolean aggregating = aggregatorParty.equals(ctx.selfParty());
        Channel ch = ctx.channel(task);
        Round1.Output r1 = Round1.commit(stored.share(), request, ctx.rnd());
        ch.broadcast(1, r1.broadcast().toBytes());
        Aggregator agg = aggregating ? new Aggregator(stored.share().groupKey(), request, ctx.selfParty()) : null;
        if (agg != null) {
            agg.receiveCommitment(r1.broadcast());
        }
        List<String> others = new ArrayList<>(signers);
        others.remove(ctx.self());
        for (String peer : others) {
            CommitmentMessage m = r1.next().receive(ctx.party(peer), ch.receive(1, peer));
            if (agg != null) {
                agg.receiveCommitment(m);
            }
        }
        if (agg == null) {
            ch.send(2, aggregatorNode, r1.next().sign().toAggregator().toBytes());
            return null;
        }
        agg.attach(r1.next());
        agg.receiveShare(ctx.selfParty(), r1.next().sign().toAggregator().toBytes());
        for (String peer : others) {
            agg.receiveShare(ctx.party(peer), ch.receive(2, peer));
        }
        FrostSignature sig = agg.finish();
        return new TssResult.Signature(msgHex, path, HEX.formatHex(sig.verifyingKey()), HEX.formatHex(sig.signature()),
                null);
    }
}

package io.openwaas.tss.protocol;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.dkg.DkgParameters;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.dkg.Round1;
import io.openwaas.mpc.dkg.Round2;
import io.openwaas.mpc.dkg.Round2Message;
import io.openwaas.platform.events.tss.TssCurve;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A root key by DKG (libs/mpc Pedersen DKG: broadcast commitments with proofs of knowledge, then encrypted shares
 * with echoes), followed on secp256k1 with threshold 2 by the two-party ECDSA pair setups.
 */
public final class Keygen {

    /** A finished key generation at this node. */
    public record Generated(TssCurve curve, StoredShare share, String keyId, String publicKey, String rootPubkey) {
    }

    private Keygen() {
    }

    public static EcGroup group(TssCurve curve) {
        return curve == TssCurve.SECP256K1 ? Secp256k1.GROUP : Ed25519Group.GROUP;
    }

    public static Generated run(SessionContext ctx, TssCurve curve, int threshold, List<String> holders) {
        String task = "keygen/" + curve.name();
        List<PartyId> parties = ctx.parties(holders);
        DkgParameters params = new DkgParameters(group(curve), ctx.sessionId(task), threshold, parties,
                ctx.selfParty());
        Channel ch = ctx.channel(task);
        Round1.Output r1 = Round1.start(params, ctx.rnd());
        ch.broadcast(1, r1.broadcast().toBytes());
        Round2 round2 = r1.next();
        for (String peer : holders) {
            if (!peer.equals(ctx.self())) {
                round2.receive(ctx.party(peer), ch.receive(1, peer));
            }
        }
        Round2.Output r2 = round2.finish();
        for (Map.Entry<PartyId, Round2Message> e : r2.direct().entrySet()) {
            ch.send(2, ctx.node(e.getKey(), holders), e.getValue().toBytes());
            e.getValue().share().destroy();
        }
        for (String peer : holders) {
            if (!peer.equals(ctx.self())) {
                r2.next().receive(ctx.party(peer), ch.receive(2, peer));
            }
        }
        KeyShare share = r2.next().finish();
        StoredShare stored = withPairs(ctx, "pairs/" + curve.name(), share, holders);
        byte[] keyId = share.groupKey().keyId();
        String root = RootKeys.serialize(curve, share.groupKey().publicKey(), RootKeys.chainCode(curve, keyId));
        return new Generated(curve, stored, HexFormat.of().formatHex(keyId),
                HexFormat.of().formatHex(share.groupKey().publicKey().encode()), root);
    }

    /** Adds the two-party ECDSA pair shares where they apply (secp256k1, threshold 2). */
    static StoredShare withPairs(SessionContext ctx, String task, KeyShare share, List<String> holders) {
        if (!PairSetup.applies(share)) {
            return new StoredShare(share, List.of(), List.of());
        }
        PairSetup.Result pairs = PairSetup.run(ctx, task, share, holders);
        return new StoredShare(share, pairs.p1(), pairs.p2());
    }
}

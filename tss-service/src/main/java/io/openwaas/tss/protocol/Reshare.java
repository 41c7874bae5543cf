package io.openwaas.tss.protocol;

import io.openwaas.mpc.common.AbortReason;
import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.dkg.GroupKey;
import io.openwaas.mpc.dkg.KeyShare;
import io.openwaas.mpc.reshare.DealerMessage;
import io.openwaas.mpc.reshare.ReshareParameters;
import io.openwaas.mpc.reshare.Round1;
import io.openwaas.mpc.reshare.Round2;
import io.openwaas.mpc.reshare.Round3;
import io.openwaas.platform.events.tss.TssCurve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Moves one root key to new holders and/or a new threshold, keeping its public key (libs/mpc resharing). Round 0:
 * each dealer sends the old public key data ({@code GroupKey}) to the new holders, who check that every dealer sent
 * the same and that it is the key the request names (they trust the requester's root key, not a dealer). Round 1:
 * encrypted deals; round 2: the new holders' confirmations. Then, on secp256k1 with new threshold 2, the new
 * holders' two-party ECDSA pair setups. Storing and the switch to the new sharing are the caller's: see
 * {@link #confirmStored} and {@link #awaitStored}.
 */
public final class Reshare {

    private static final int ROUND_GROUP_KEY = 0;
    private static final int ROUND_DEAL = 1;
    private static final int ROUND_CONFIRM = 2;
    private static final int ROUND_STORED = 9;

    /** This node's part in one reshare. */
    public record Roles(boolean dealer, boolean newHolder) {
    }

    private Reshare() {
    }

    /**
     * Runs the protocol. {@code oldShare} is this node's current share (null for a new holder that had none).
     * Returns the new share at a new holder, null at a dealer that is not one.
     */
    public static Keygen.Generated run(SessionContext ctx, TssCurve curve, String rootPubkey, KeyShare oldShare,
                                       List<String> dealers, int newThreshold, List<String> newHolders) {
        String task = "reshare/" + curve.name();
        Channel ch = ctx.channel(task);
        boolean dealer = dealers.contains(ctx.self());
        boolean newHolder = newHolders.contains(ctx.self());
        if (dealer && oldShare == null) {
            throw new IllegalStateException("named as a dealer but holds no share of " + rootPubkey);
        }
        GroupKey oldKey;
        if (dealer) {
            oldKey = oldShare.groupKey();
            ch.broadcast(ROUND_GROUP_KEY, oldKey.toBytes());
        } else {
            oldKey = agreedGroupKey(ctx, ch, curve, rootPubkey, dealers);
        }
        if (!Arrays.equals(oldKey.publicKey().encode(), RootKeys.publicKey(curve, rootPubkey))) {
            throw new IllegalStateException("the stored key is not the root key " + rootPubkey);
        }
        ReshareParameters params = new ReshareParameters(oldKey, ctx.sessionId(task), ctx.parties(dealers),
                newThreshold, ctx.parties(newHolders), ctx.selfParty());
        DealerMessage own = null;
        if (dealer) {
            Round1.Output deal = Round1.deal(params, oldShare, ctx.rnd());
            for (Map.Entry<PartyId, DealerMessage> e : deal.direct().entrySet()) {
                ch.send(ROUND_DEAL, ctx.node(e.getKey(), newHolders), e.getValue().toBytes());
            }
            own = deal.toSelf();
        }
        if (!newHolder) {
            return null;
        }
        Round2 r2 = Round2.begin(params, own);
        for (String d : dealers) {
            if (!d.equals(ctx.self())) {
                r2.receive(ctx.party(d), ch.receive(ROUND_DEAL, d));
            }
        }
        Round2.Output out = r2.finish();
        ch.broadcast(ROUND_CONFIRM, out.broadcast().toBytes());
        Round3 r3 = out.next();
        for (String n : newHolders) {
            if (!n.equals(ctx.self())) {
                r3.receive(ctx.party(n), ch.receive(ROUND_CONFIRM, n));
            }
        }
        KeyShare share = r3.finish();
        StoredShare stored = Keygen.withPairs(ctx, "reshare-pairs/" + curve.name(), share, newHolders);
        return new Keygen.Generated(curve, stored, HexFormat.of().formatHex(share.groupKey().keyId()),
                HexFormat.of().formatHex(share.groupKey().publicKey().encode()), rootPubkey);
    }

    private static GroupKey agreedGroupKey(SessionContext ctx, Channel ch, TssCurve curve, String rootPubkey,
                                           List<String> dealers) {
        byte[] first = null;
        String firstDealer = null;
        for (String d : dealers) {
            byte[] b = ch.receive(ROUND_GROUP_KEY, d);
            if (first == null) {
                first = b;
                firstDealer = d;
            } else if (!Arrays.equals(first, b)) {
                throw MpcAbortException.blame("reshare", ROUND_GROUP_KEY, AbortReason.EQUIVOCATION, ctx.party(d),
                        "dealers " + firstDealer + " and " + d + " sent different old keys");
            }
        }
        GroupKey key;
        try {
            key = GroupKey.parse(first);
        } catch (RuntimeException e) {
            throw MpcAbortException.blame("reshare", ROUND_GROUP_KEY, AbortReason.MALFORMED_MESSAGE,
                    ctx.party(firstDealer), "unreadable old key");
        }
        if (!key.group().name().equals(Keygen.group(curve).name())) {
            throw MpcAbortException.blame("reshare", ROUND_GROUP_KEY, AbortReason.PUBLIC_KEY_MISMATCH,
                    ctx.party(firstDealer), "old key on another curve");
        }
        return key;
    }

    /** A new holder tells every participant it has stored its new share (of sharing {@code keyId}). */
    public static void confirmStored(SessionContext ctx, TssCurve curve, String keyId) {
        ctx.channel("reshare-stored/" + curve.name()).control(ROUND_STORED, keyId.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Waits until every new holder (but this node) confirmed it stored its share of the same sharing; a holder that
     * names another key id fails the switch.
     */
    public static void awaitStored(SessionContext ctx, TssCurve curve, String keyId, List<String> newHolders) {
        Channel ch = ctx.channel("reshare-stored/" + curve.name());
        String expected = keyId;
        String reference = ctx.self();
        for (String n : newHolders) {
            if (n.equals(ctx.self())) {
                continue;
            }
            String theirs = new String(ch.receive(ROUND_STORED, n), StandardCharsets.US_ASCII);
            if (expected == null) {
                expected = theirs;
                reference = n;
            } else if (!expected.equals(theirs)) {
                throw new IllegalStateException(n + " stored sharing " + theirs + ", " + reference + " " + expected);
            }
        }
    }
}

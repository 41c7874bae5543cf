package io.openwaas.mpc.ecdsa2p;

import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import io.openwaas.mpc.zk.Points;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.security.auth.Destroyable;

/**
 * Everything one holder of a 2-of-3 ECDSA key ({@link TwoOfThree}) keeps for signing: its P1 shares (pairs with a
 * larger peer id) and P2 shares (pairs with a smaller peer id), all for the same public key, and the holder's single
 * {@link FreezeLatch}.
 *
 * <p>Encoding (type {@code 0x1233}, version 1): {@code self ‖ Q ‖ frozen ‖ [reason] ‖ count ‖ P1 shares ‖ count ‖
 * P2 shares} (each share in its own encoding). Contains secrets: store encrypted.
 */
public final class TwoOfThreeShare implements Destroyable {

    static final int TYPE = 0x1233;
    static final int VERSION = 1;

    private final PartyId self;
    private final EcPoint publicKey;
    private final FreezeLatch latch;
    private final SortedMap<PartyId, P1KeyShare> asP1;
    private final SortedMap<PartyId, P2KeyShare> asP2;

    private TwoOfThreeShare(PartyId self, EcPoint publicKey, FreezeLatch latch, SortedMap<PartyId, P1KeyShare> asP1,
                            SortedMap<PartyId, P2KeyShare> asP2) {
        this.self = self;
        this.publicKey = publicKey;
        this.latch = latch;
        this.asP1 = Collections.unmodifiableSortedMap(asP1);
        this.asP2 = Collections.unmodifiableSortedMap(asP2);
    }

    /**
     * Assembles a holder's pair shares; checks that they belong to {@code self}, agree on the public key, cover two
     * distinct peers with the role rule of {@link TwoOfThree#isP1}, and that the P1 shares share {@code latch}.
     */
    public static TwoOfThreeShare of(PartyId self, FreezeLatch latch, List<P1KeyShare> p1Shares,
                                     List<P2KeyShare> p2Shares) {
        SortedMap<PartyId, P1KeyShare> a = new TreeMap<>();
        SortedMap<PartyId, P2KeyShare> b = new TreeMap<>();
        EcPoint q = null;
        for (P1KeyShare s : p1Shares) {
            if (!s.self().equals(self) || !TwoOfThree.isP1(self, s.peer()) || s.freezeState() != latch
                    || a.put(s.peer(), s) != null) {
                throw new IllegalArgumentException("P1 pair share does not fit holder " + self);
            }
            q = q == null ? s.publicKey() : q;
            if (!q.equals(s.publicKey())) {
                throw new IllegalArgumentException("pair shares of different keys");
            }
        }
        for (P2KeyShare s : p2Shares) {
            if (!s.self().equals(self) || TwoOfThree.isP1(self, s.peer()) || b.put(s.peer(), s) != null
                    || a.containsKey(s.peer())) {
                throw new IllegalArgumentException("P2 pair share does not fit holder " + self);
            }
            q = q == null ? s.publicKey() : q;
            if (!q.equals(s.publicKey())) {
                throw new IllegalArgumentException("pair shares of different keys");
            }
        }
        if (a.size() + b.size() != 2) {
            throw new IllegalArgumentException("a 2-of-3 holder has exactly two pair shares");
        }
        return new TwoOfThreeShare(self, q, latch, a, b);
    }

    public PartyId self() {
        return self;
    }

    public EcPoint publicKey() {
        return publicKey;
    }

    public FreezeLatch freezeState() {
        return latch;
    }

    /** This holder's P1 share for signing with {@code peer}, if this holder is P1 of that pair. */
    public Optional<P1KeyShare> asP1With(PartyId peer) {
        return Optional.ofNullable(asP1.get(peer));
    }

    /** This holder's P2 share for signing with {@code peer}, if this holder is P2 of that pair. */
    public Optional<P2KeyShare> asP2With(PartyId peer) {
        return Optional.ofNullable(asP2.get(peer));
    }

    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        w.writePartyId(self).writeFixed(publicKey.encode()).writeBoolean(latch.isFrozen());
        if (latch.isFrozen()) {
            w.writeString(latch.reason().orElse("frozen"));
        }
        w.writeCount(asP1.size());
        for (P1KeyShare s : asP1.values()) {
            w.writeBytes(s.toBytes());
        }
        w.writeCount(asP2.size());
        for (P2KeyShare s : asP2.values()) {
            w.writeBytes(s.toBytes());
        }
        return w.toBytes();
    }

    public static TwoOfThreeShare parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        PartyId self = r.readPartyId();
        EcPoint q = Points.read(r, Ecdsa2p.GROUP);
        FreezeLatch latch = r.readBoolean() ? FreezeLatch.frozen(r.readString(1024)) : new FreezeLatch();
        List<P1KeyShare> a = new ArrayList<>();
        int na = r.readCount(2);
        for (int i = 0; i < na; i++) {
            P1KeyShare p1 = P1KeyShare.parse(r.readBytes(WireReader.MAX_ENCODING));
            p1.freezeState().reason().ifPresent(latch::freeze);
            a.add(p1.withLatch(latch));
        }
        List<P2KeyShare> b = new ArrayList<>();
        int nb = r.readCount(2);
        for (int i = 0; i < nb; i++) {
            b.add(P2KeyShare.parse(r.readBytes(WireReader.MAX_ENCODING)));
        }
        r.finish();
        try {
            TwoOfThreeShare s = of(self, latch, a, b);
            if (!s.publicKey.equals(q)) {
                throw new IllegalArgumentException("public key mismatch");
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("inconsistent 2-of-3 share: " + e.getMessage());
        }
    }

    @Override
    public void destroy() {
        asP1.values().forEach(P1KeyShare::destroy);
        asP2.values().forEach(P2KeyShare::destroy);
    }

    @Override
    public boolean isDestroyed() {
        return asP1.values().stream().allMatch(P1KeyShare::isDestroyed)
                && asP2.values().stream().allMatch(P2KeyShare::isDestroyed);
    }

    @Override
    public String toString() {
        return "TwoOfThreeShare[" + self + ", P1 with " + asP1.keySet() + ", P2 with " + asP2.keySet() + ", " + latch
                + "]";
    }
}

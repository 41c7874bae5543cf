package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.Lagrange;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.WireFormatException;
import io.openwaas.mpc.common.WireReader;
import io.openwaas.mpc.common.WireWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The public data of a threshold key, identical at every holder and safe to publish: group, key id (the "epoch" of
 * the sharing — it changes at every reshare, so shares of different sharings are never combined), threshold, holder
 * set, group public key and each holder's verification share {@code Y_i = s_i·G}.
 *
 * <p>Invariants checked on construction (hence on {@link #parse}): holder ids valid mod q; {@code 2 ≤ t ≤ n}; one
 * verification share per holder, none the identity; the first {@code t} verification shares interpolate (in the
 * exponent) to the group key, and every other one lies on the same degree-{@code (t − 1)} polynomial.
 */
public final class GroupKey {

    static final int TYPE = 0x0102;
    static final int VERSION = 1;

    private final EcGroup group;
    private final byte[] keyId;
    private final int threshold;
    private final List<PartyId> parties;
    private final EcPoint publicKey;
    private final SortedMap<PartyId, EcPoint> verificationShares;

    public GroupKey(EcGroup group, byte[] keyId, int threshold, List<PartyId> parties, EcPoint publicKey,
                    Map<PartyId, EcPoint> verificationShares) {
        this.group = Objects.requireNonNull(group, "group");
        if (keyId.length != 32) {
            throw new IllegalArgumentException("key id must be 32 bytes");
        }
        this.keyId = keyId.clone();
        this.parties = List.copyOf(Groups.sorted(parties));
        PartyId.validateSet(this.parties, group.order());
        if (threshold < 2 || threshold > this.parties.size() || this.parties.size() > DkgParameters.MAX_PARTIES) {
            throw new IllegalArgumentException("bad threshold or holder count");
        }
        this.threshold = threshold;
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
        if (publicKey.isIdentity()) {
            throw new IllegalArgumentException("group key is the identity");
        }
        if (!verificationShares.keySet().equals(new java.util.HashSet<>(this.parties))) {
            throw new IllegalArgumentException("verification shares do not match the holder set");
        }
        this.verificationShares = Collections.unmodifiableSortedMap(new TreeMap<>(verificationShares));
        for (EcPoint y : this.verificationShares.values()) {
            if (y.isIdentity()) {
                throw new IllegalArgumentException("verification share is the identity");
            }
        }
        List<PartyId> first = this.parties.subList(0, threshold);
        EcPoint acc = group.identity();
        for (PartyId i : first) {
            acc = acc.add(this.verificationShares.get(i).multiply(Lagrange.coefficient(i, first, group.order())));
        }
        if (!acc.equals(publicKey)) {
            throw new IllegalArgumentException("verification shares do not interpolate to the group key");
        }
        // Every further verification share must lie on the same degree-(t−1) polynomial.
        for (PartyId k : this.parties.subList(threshold, this.parties.size())) {
            java.util.List<EcPoint> ys = new java.util.ArrayList<>();
            java.util.List<java.math.BigInteger> ls = new java.util.ArrayList<>();
            for (PartyId i : first) {
                ys.add(this.verificationShares.get(i));
                ls.add(Lagrange.coefficientAt(i, first, k.toScalar(group.order()), group.order()));
            }
            if (!io.openwaas.mpc.common.Msm.sum(ys, ls).equals(this.verificationShares.get(k))) {
                throw new IllegalArgumentException("verification share of " + k + " is not on the sharing polynomial");
            }
        }
    }

    public EcGroup group() {
        return group;
    }

    /** A copy of the 32-byte key id. */
    public byte[] keyId() {
        return keyId.clone();
    }

    public int threshold() {
        return threshold;
    }

    public List<PartyId> parties() {
        return parties;
    }

    public EcPoint publicKey() {
        return publicKey;
    }

    public SortedMap<PartyId, EcPoint> verificationShares() {
        return verificationShares;
    }

    public EcPoint verificationShare(PartyId id) {
        EcPoint y = verificationShares.get(id);
        if (y == null) {
            throw new IllegalArgumentException(id + " is not a holder");
        }
        return y;
    }

    void write(WireWriter w) {
        w.writeString(group.name()).writeFixed(keyId).writeU8(threshold).writeCount(parties.size());
        for (PartyId p : parties) {
            w.writePartyId(p);
            Groups.writePoint(w, verificationShares.get(p));
        }
        Groups.writePoint(w, publicKey);
    }

    static GroupKey read(WireReader r) {
        EcGroup g = Groups.byName(r.readString(16));
        byte[] keyId = r.readFixed(32);
        int t = r.readU8();
        int n = r.readCount(DkgParameters.MAX_PARTIES);
        TreeMap<PartyId, EcPoint> shares = new TreeMap<>();
        try {
            for (int i = 0; i < n; i++) {
                PartyId p = r.readPartyId();
                if (shares.put(p, g.decode(r.readFixed(g.pointLength()))) != null) {
                    throw new WireFormatException("duplicate holder");
                }
            }
            EcPoint pk = g.decode(r.readFixed(g.pointLength()));
            return new GroupKey(g, keyId, t, List.copyOf(shares.keySet()), pk, shares);
        } catch (WireFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("invalid group key: " + e.getMessage());
        }
    }

    /** The canonical encoding (type {@code 0x0102}, version 1). */
    public byte[] toBytes() {
        WireWriter w = WireWriter.start(TYPE, VERSION);
        write(w);
        return w.toBytes();
    }

    /** Decodes and checks every invariant. */
    public static GroupKey parse(byte[] bytes) {
        WireReader r = WireReader.open(bytes, TYPE, VERSION);
        GroupKey k = read(r);
        r.finish();
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && Arrays.equals(k.toBytes(), toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyId);
    }

    @Override
    public String toString() {
        return "GroupKey[" + group.name() + ", " + threshold + "-of-" + parties.size() + ", keyId "
                + io.openwaas.mpc.common.Bytes.hex(keyId).substring(0, 16) + "…]";
    }

    /**
     * The group key defined by summed Feldman commitments of several dealers (DKG and reshare): {@code Y = Σ_i C_i0},
     * {@code Y_k = Σ_i Σ_m C_im·k^m} for every holder {@code k}, and a key id hashing the domain, the session, the
     * threshold, the holders and every commitment vector.
     */
    public static GroupKey fromCommitments(EcGroup g, io.openwaas.mpc.common.SessionId session, String domain, int t,
                                           List<PartyId> holders, SortedMap<PartyId, List<EcPoint>> commitments) {
        java.math.BigInteger q = g.order();
        EcPoint y = g.identity();
        for (List<EcPoint> c : commitments.values()) {
            y = y.add(c.get(0));
        }
        SortedMap<PartyId, EcPoint> shares = new TreeMap<>();
        for (PartyId k : holders) {
            EcPoint acc = g.identity();
            for (List<EcPoint> c : commitments.values()) {
                acc = acc.add(Groups.evaluateCommitment(c, k.toScalar(q), q));
            }
            shares.put(k, acc);
        }
        io.openwaas.mpc.common.Transcript tr = io.openwaas.mpc.common.Transcript
                .forSession(io.openwaas.mpc.common.Transcript.Hash.SHA256, domain, session)
                .append("group", g.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .append("threshold", (long) t);
        for (PartyId k : holders) {
            tr.append("holder", k);
        }
        for (Map.Entry<PartyId, List<EcPoint>> e : commitments.entrySet()) {
            List<byte[]> enc = new java.util.ArrayList<>();
            e.getValue().forEach(c -> enc.add(c.encode()));
            tr.append("dealer", e.getKey()).append("commitments", enc);
        }
        return new GroupKey(g, tr.digest(), t, holders, y, shares);
    }
}

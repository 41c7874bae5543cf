package io.openwaas.mpc.common;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.ec.Secp256k1;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Group lookup by wire name and small group helpers shared by the protocols. */
public final class Groups {

    private Groups() {
    }

    /**
     * The group named {@code name} ({@code "secp256k1"} or {@code "ed25519"}).
     *
     * @throws WireFormatException for any other name
     */
    public static EcGroup byName(String name) {
        return switch (name) {
            case "secp256k1" -> Secp256k1.GROUP;
            case "ed25519" -> Ed25519Group.GROUP;
            default -> throw new WireFormatException("unknown group");
        };
    }

    /** The transcript hash that matches a group's security level: SHA-512 for ed25519, SHA-256 otherwise. */
    public static Transcript.Hash transcriptHash(EcGroup group) {
        return group == Ed25519Group.GROUP ? Transcript.Hash.SHA512 : Transcript.Hash.SHA256;
    }

    /** Writes a point in the group's fixed-length canonical encoding. */
    public static void writePoint(WireWriter w, EcPoint p) {
        w.writeFixed(p.encode());
    }

    /** Writes a scalar in the group's fixed-length encoding. */
    public static void writeScalar(WireWriter w, EcGroup g, BigInteger k) {
        w.writeFixed(g.scalarToBytes(k));
    }

    /** Reads the raw fixed-length encoding of a point (decode it with {@link #decodePoint}). */
    public static byte[] readPointBytes(WireReader r, EcGroup g) {
        return r.readFixed(g.pointLength());
    }

    /**
     * Decodes a point from a peer, turning a rejected encoding (off-curve, non-canonical, identity, small order)
     * into an {@link MpcAbortException} with {@link AbortReason#INVALID_POINT} naming the peer.
     */
    public static EcPoint decodePoint(EcGroup g, byte[] enc, String protocol, int round, PartyId peer) {
        try {
            return g == Ed25519Group.GROUP ? decodeEd25519(enc) : g.decode(enc);
        } catch (IllegalArgumentException e) {
            throw MpcAbortException.blame(protocol, round, AbortReason.INVALID_POINT, peer, "invalid group element");
        }
    }

    /**
     * Internal helper: strict ed25519 element decoding with the same acceptance as libs/crypto's
     * {@code Ed25519Group.decode} (RFC 9591 {@code DeserializeElement}: canonical, on the curve, not the identity nor
     * of small order, in the prime-order subgroup), but with the subgroup check done by BouncyCastle's
     * {@code Ed25519.validatePublicKeyFull} ({@code [L]·P == O} on its optimised internal arithmetic, about 40 % cheaper
     * than libs/crypto's generic multiplication). libs/crypto's strict decoder then parses the point, and the
     * small-order test is repeated; a point is accepted only if every check passes.
     *
     * @throws IllegalArgumentException if any check fails
     */
    public static EcPoint decodeEd25519(byte[] enc) {
        if (enc == null || enc.length != 32
                || !org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(enc, 0)) {
            throw new IllegalArgumentException("invalid ed25519 element");
        }
        io.openwaas.crypto.ec.Ed25519Point p = Ed25519Group.GROUP.decodeOnCurve(enc, false);
        if (p.isIdentity() || p.isSmallOrder()) {
            throw new IllegalArgumentException("ed25519 element of small order");
        }
        return p;
    }

    /** Reads a fixed-length scalar without a range check (unsigned integer; check with {@link #checkScalar}). */
    public static BigInteger readScalarUnchecked(WireReader r, EcGroup g) {
        byte[] b = r.readFixed(g.scalarLength());
        if (g == Ed25519Group.GROUP) {
            b = Bytes.reverse(b);
        }
        return new BigInteger(1, b);
    }

    /** Raises {@link AbortReason#OUT_OF_RANGE} naming {@code peer} unless {@code 0 <= k < q}. */
    public static void checkScalar(EcGroup g, BigInteger k, String protocol, int round, PartyId peer) {
        if (k.signum() < 0 || k.compareTo(g.order()) >= 0) {
            throw MpcAbortException.blame(protocol, round, AbortReason.OUT_OF_RANGE, peer, "scalar not below q");
        }
    }

    /** {@code Σ_k C_k · x^k}: the Feldman evaluation of committed polynomial {@code C} at public {@code x}. */
    public static EcPoint evaluateCommitment(List<EcPoint> c, BigInteger x, BigInteger q) {
        // Horner in the exponent: ((C_{t-1}·x + C_{t-2})·x + …) + C_0.
        EcPoint acc = c.get(c.size() - 1);
        for (int k = c.size() - 2; k >= 0; k--) {
            acc = acc.multiply(x.mod(q)).add(c.get(k));
        }
        return acc;
    }

    /** {@code f(x) = Σ a_k x^k mod q} (Horner). Returns a transient BigInteger. */
    public static BigInteger evaluatePolynomial(List<SecretScalar> a, BigInteger x, BigInteger q) {
        BigInteger acc = BigInteger.ZERO;
        for (int k = a.size() - 1; k >= 0; k--) {
            acc = acc.multiply(x).add(a.get(k).value()).mod(q);
        }
        return acc;
    }

    /** Sorted copy of a party list. */
    public static List<PartyId> sorted(java.util.Collection<PartyId> ids) {
        List<PartyId> l = new ArrayList<>(ids);
        l.sort(null);
        return l;
    }
}

package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.Bytes;
import io.openwaas.mpc.common.Lagrange;
import io.openwaas.mpc.common.PartyId;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The helper functions of RFC 9591 (§4 and §5), for one ciphersuite. Pure functions; the protocol rounds in
 * {@link Round1}, {@link Round2} and {@link Aggregator} call them.
 *
 * <p>HD tweak (our extension, not in the RFC): signing under {@code Y' = Y + t·G} for a public tweak {@code t} uses
 * {@code Y'} wherever the RFC says "group public key" (binding factors, challenge) and the aggregator adds
 * {@code c·t} to {@code z}; signature shares are unchanged and still verify against the untweaked verification
 * shares. With {@code t = 0} this is exactly RFC 9591.
 */
public final class Rfc9591 {

    private Rfc9591() {
    }

    /** RFC 9591 §4.1 {@code nonce_generate}: {@code H3(random_bytes ‖ SerializeScalar(secret))}. */
    public static BigInteger nonceGenerate(Ciphersuite cs, byte[] random32, BigInteger secret) {
        if (random32.length != 32) {
            throw new IllegalArgumentException("nonce randomness must be 32 bytes");
        }
        return cs.h3(Bytes.concat(random32, cs.group().scalarToBytes(secret)));
    }

    /** RFC 9591 §4.3 {@code encode_group_commitment_list} (list sorted by identifier). */
    public static byte[] encodeCommitmentList(Ciphersuite cs, SortedMap<PartyId, NonceCommitment> list) {
        EcGroup g = cs.group();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.forEach((id, c) -> {
            out.writeBytes(g.scalarToBytes(id.toScalar(g.order())));
            out.writeBytes(c.hiding().encode());
            out.writeBytes(c.binding().encode());
        });
        return out.toByteArray();
    }

    /** The prefix of every binding-factor input: {@code SerializeElement(Y) ‖ H4(msg) ‖ H5(encoded list)}. */
    static byte[] bindingFactorPrefix(Ciphersuite cs, EcPoint groupKey, SortedMap<PartyId, NonceCommitment> list,
                                      byte[] msg) {
        return Bytes.concat(groupKey.encode(), cs.h4(msg), cs.h5(encodeCommitmentList(cs, list)));
    }

    /** RFC 9591 §4.4 {@code compute_binding_factors}. */
    public static SortedMap<PartyId, BigInteger> bindingFactors(Ciphersuite cs, EcPoint groupKey,
                                                                SortedMap<PartyId, NonceCommitment> list, byte[] msg) {
        byte[] prefix = bindingFactorPrefix(cs, groupKey, list, msg);
        SortedMap<PartyId, BigInteger> out = new TreeMap<>();
        for (PartyId id : list.keySet()) {
            out.put(id, cs.h1(Bytes.concat(prefix, cs.group().scalarToBytes(id.toScalar(cs.group().order())))));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** RFC 9591 §4.5 {@code compute_group_commitment}. */
    public static EcPoint groupCommitment(Ciphersuite cs, SortedMap<PartyId, NonceCommitment> list,
                                          SortedMap<PartyId, BigInteger> rhos) {
        EcPoint r = cs.group().identity();
        List<EcPoint> bindings = new ArrayList<>();
        List<BigInteger> factors = new ArrayList<>();
        for (var e : list.entrySet()) {
            r = r.add(e.getValue().hiding());
            bindings.add(e.getValue().binding());
            factors.add(rhos.get(e.getKey()));
        }
        // Σ ρ_i·E_i as one multi-scalar multiplication (public values).
        return r.add(io.openwaas.mpc.common.Msm.sum(bindings, factors));
    }

    /** RFC 9591 §4.6 {@code compute_challenge}. */
    public static BigInteger challenge(Ciphersuite cs, EcPoint groupCommitment, EcPoint groupKey, byte[] msg) {
        return cs.h2(Bytes.concat(groupCommitment.encode(), groupKey.encode(), msg));
    }

    /** Everything the signers and the aggregator derive from the commitment list (RFC 9591 §5.2 steps 1–5). */
    public record SessionValues(SortedMap<PartyId, BigInteger> rhos, EcPoint groupCommitment, BigInteger challenge,
                                List<PartyId> participants) {

        public BigInteger lambda(PartyId id, BigInteger q) {
            return Lagrange.coefficient(id, participants, q);
        }
    }

    /** Computes the {@link SessionValues} for (possibly tweaked) group key {@code groupKey}. */
    public static SessionValues session(Ciphersuite cs, EcPoint groupKey, SortedMap<PartyId, NonceCommitment> list,
                                        byte[] msg) {
        SortedMap<PartyId, BigInteger> rhos = bindingFactors(cs, groupKey, list, msg);
        EcPoint r = groupCommitment(cs, list, rhos);
        BigInteger c = challenge(cs, r, groupKey, msg);
        return new SessionValues(rhos, r, c, List.copyOf(new ArrayList<>(list.keySet())));
    }

    /**
     * RFC 9591 §5.2 {@code sign}: {@code z_i = d_i + e_i·ρ_i + λ_i·s_i·c}.
     */
    public static BigInteger signShare(Ciphersuite cs, SessionValues sv, PartyId id, BigInteger hidingNonce,
                                       BigInteger bindingNonce, BigInteger secretShare) {
        BigInteger q = cs.group().order();
        return hidingNonce.add(bindingNonce.multiply(sv.rhos().get(id)))
                .add(sv.lambda(id, q).multiply(secretShare).multiply(sv.challenge())).mod(q);
    }

    /** RFC 9591 §5.4 {@code verify_signature_share}: {@code z_i·G == D_i + ρ_i·E_i + (c·λ_i)·Y_i}. */
    public static boolean verifyShare(Ciphersuite cs, SessionValues sv, PartyId id, NonceCommitment comm,
                                      EcPoint verificationShare, BigInteger zi) {
        BigInteger q = cs.group().order();
        if (zi.signum() < 0 || zi.compareTo(q) >= 0) {
            return false;
        }
        EcPoint l = cs.group().generator().multiply(zi); // public: variable-time table
        EcPoint r = comm.hiding().add(comm.binding().multiply(sv.rhos().get(id)))
                .add(verificationShare.multiply(sv.challenge().multiply(sv.lambda(id, q)).mod(q)));
        return l.equals(r);
    }

    /** RFC 9591 §5.3 {@code aggregate}, plus {@code c·t} for a tweak: {@code SerializeElement(R) ‖ SerializeScalar(z)}. */
    public static byte[] aggregate(Ciphersuite cs, SessionValues sv, List<BigInteger> shares, BigInteger tweak) {
        BigInteger q = cs.group().order();
        BigInteger z = sv.challenge().multiply(tweak);
        for (BigInteger zi : shares) {
            z = z.add(zi);
        }
        return Bytes.concat(sv.groupCommitment().encode(), cs.group().scalarToBytes(z.mod(q)));
    }

    /** Prime-order group verification {@code z·G == R + c·Y} (RFC 9591 Appendix C style). */
    public static boolean verify(Ciphersuite cs, EcPoint groupKey, byte[] msg, byte[] sig) {
        EcGroup g = cs.group();
        if (sig.length != g.pointLength() + g.scalarLength()) {
            return false;
        }
        try {
            EcPoint r = g.decode(java.util.Arrays.copyOfRange(sig, 0, g.pointLength()));
            BigInteger z = g.scalarFromBytes(java.util.Arrays.copyOfRange(sig, g.pointLength(), sig.length));
            BigInteger c = challenge(cs, r, groupKey, msg);
            return g.generator().multiply(z).equals(r.add(groupKey.multiply(c)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

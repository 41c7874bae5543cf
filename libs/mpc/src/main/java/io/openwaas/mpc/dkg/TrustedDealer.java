package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.crypto.ec.Ed25519Group;
import io.openwaas.crypto.keys.Ed25519PrivateKey;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.common.SessionId;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Key <b>import</b>: split an existing secret key into a threshold sharing (RFC 9591 Appendix C,
 * {@code trusted_dealer_keygen} with {@code vss_commit}). The process running this holds the whole key for the
 * duration of the call, so it is meant only for migrating an existing single-party key into MPC custody (ideally on an
 * offline machine); new keys come from the {@link Round1 DKG}. Each resulting {@link KeyShare} is delivered to its
 * holder (encrypted); the holder should then run a reshare so that the importing process's knowledge of the shares
 * becomes useless.
 *
 * <p>ed25519 keys (threat line 22): an RFC 8032 key is a 32-byte <em>seed</em>; the signing key is the scalar
 * {@code a = clamp(SHA-512(seed)[0..32])} (RFC 8032 §5.1.5). A threshold key is only that scalar:
 * {@link #ed25519ScalarFromSeed} turns a seed into it, and {@link Recovery#reconstruct} gives the scalar back, never a
 * seed (Cobo exports scalars the same way).
 */
public final class TrustedDealer {

    static final String KEY_ID_DOMAIN = "openwaas/trusted-dealer/key-id/v1";

    private TrustedDealer() {
    }

    /** The RFC 8032 §5.1.5 secret scalar of an Ed25519 seed, reduced mod L. */
    public static SecretScalar ed25519ScalarFromSeed(byte[] seed32) {
        try (Ed25519PrivateKey k = Ed25519PrivateKey.fromSeed(seed32)) {
            return SecretScalar.of(k.scalar(), Ed25519Group.L);
        }
    }

    /** Splits {@code secret} into a {@code t}-of-{@code holders} sharing with random coefficients. */
    public static Map<PartyId, KeyShare> split(EcGroup group, SecretScalar secret, int t, List<PartyId> holders,
                                               SecureRandom rnd) {
        List<SecretScalar> coefficients = new ArrayList<>();
        for (int k = 1; k < t; k++) {
            coefficients.add(SecretScalar.random(group.order(), rnd));
        }
        try {
            return split(group, secret, coefficients, holders);
        } finally {
            coefficients.forEach(SecretScalar::destroy);
        }
    }

    /**
     * RFC 9591 Appendix C with given coefficients {@code a_1 … a_(t−1)} (the known-answer form used with the RFC's
     * vectors).
     */
    static Map<PartyId, KeyShare> split(EcGroup group, SecretScalar secret, List<SecretScalar> coefficients,
                                        List<PartyId> holders) {
        BigInteger q = group.order();
        if (secret.isZero()) {
            throw new IllegalArgumentException("zero secret");
        }
        List<PartyId> ids = Groups.sorted(holders);
        PartyId.validateSet(ids, q);
        int t = coefficients.size() + 1;
        List<SecretScalar> poly = new ArrayList<>();
        poly.add(secret);
        poly.addAll(coefficients);
        List<EcPoint> commitments = new ArrayList<>();
        for (SecretScalar a : poly) {
            commitments.add(group.mulBase(a.value()));
        }
        SortedMap<PartyId, List<EcPoint>> vss = new TreeMap<>();
        vss.put(ids.get(0), commitments);
        GroupKey key = GroupKey.fromCommitments(group, SessionId.random(), KEY_ID_DOMAIN, t, ids, vss);
        Map<PartyId, KeyShare> out = new TreeMap<>();
        for (PartyId id : ids) {
            out.put(id, new KeyShare(key, id, SecretScalar.of(Groups.evaluatePolynomial(poly, id.toScalar(q), q), q)));
        }
        return out;
    }
}

package io.openwaas.mpc.dkg;

import io.openwaas.mpc.common.Lagrange;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Disaster recovery <b>only</b> (offline, as Cobo's recovery kit does): rebuilds the whole secret key from at least
 * {@code t} key shares of the same sharing by Lagrange interpolation. Never called by the signing service: no online
 * process may hold a whole key. For ed25519 the result is the secret scalar {@code a}, not an RFC 8032 seed (threat
 * line 22); sign from it with libs/crypto {@code Ed25519PrivateKey.fromScalar}.
 */
public final class Recovery {

    private Recovery() {
    }

    /**
     * @throws IllegalArgumentException if the shares belong to different sharings, repeat a holder, or are fewer
     *                                  than the threshold
     */
    public static SecretScalar reconstruct(Collection<KeyShare> shares) {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("no shares");
        }
        GroupKey key = shares.iterator().next().groupKey();
        List<PartyId> ids = new ArrayList<>();
        for (KeyShare s : shares) {
            if (!Arrays.equals(s.groupKey().keyId(), key.keyId())) {
                throw new IllegalArgumentException("shares of different sharings");
            }
            ids.add(s.self());
        }
        if (ids.size() < key.threshold()) {
            throw new IllegalArgumentException("fewer shares than the threshold");
        }
        BigInteger q = key.group().order();
        BigInteger secret = BigInteger.ZERO;
        for (KeyShare s : shares) {
            secret = secret.add(Lagrange.coefficient(s.self(), ids, q).multiply(s.secretShare().value()));
        }
        SecretScalar out = SecretScalar.of(secret, q);
        if (!key.group().mulBase(out.value()).equals(key.publicKey())) {
            out.destroy();
            throw new IllegalStateException("reconstructed key does not match the group key");
        }
        return out;
    }
}

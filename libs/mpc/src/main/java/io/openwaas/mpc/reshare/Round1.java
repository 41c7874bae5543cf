package io.openwaas.mpc.reshare;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.crypto.ec.EcPoint;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.Lagrange;
import io.openwaas.mpc.common.MessageHeader;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SecretScalar;
import io.openwaas.mpc.dkg.KeyShare;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reshare round 1, dealing (Desmedt–Jajodia 1997 redistribution; Wong–Wang–Wing 2002 "verifiable secret
 * redistribution" with Feldman commitments; the tss-lib resharing template).
 *
 * <p>Old holder {@code i} of the dealer quorum {@code D} computes {@code w_i = λ_i^D·s_i} (so {@code Σ_i w_i} is the
 * secret), samples {@code g_i} of degree {@code t_new − 1} with {@code g_i(0) = w_i}, commits to its coefficients and
 * sends each new holder {@code j} the commitments and {@code g_i(j)}. The old share is not modified: the old sharing
 * stays usable until the coordinator switches atomically after {@link Round3} (threat line 23).
 */
public final class Round1 {

    private Round1() {
    }

    /** Messages to the other new holders, and the dealer's message to itself when it is also a new holder. */
    public record Output(Map<PartyId, DealerMessage> direct, DealerMessage toSelf) {
    }

    public static Output deal(ReshareParameters params, KeyShare oldShare) {
        return deal(params, oldShare, new SecureRandom());
    }

    public static Output deal(ReshareParameters params, KeyShare oldShare, SecureRandom rnd) {
        if (!params.isDealer() || !oldShare.self().equals(params.self())) {
            throw new IllegalArgumentException("this party is not a dealer of the reshare");
        }
        if (!oldShare.groupKey().equals(params.oldKey())) {
            throw new IllegalArgumentException("the share belongs to another sharing");
        }
        EcGroup g = params.group();
        BigInteger q = g.order();
        List<SecretScalar> coefficients = new ArrayList<>();
        coefficients.add(oldShare.secretShare().multiply(Lagrange.coefficient(params.self(), params.dealers(), q)));
        for (int k = 1; k < params.newThreshold(); k++) {
            coefficients.add(SecretScalar.random(q, rnd));
        }
        List<EcPoint> commitments = new ArrayList<>();
        for (SecretScalar a : coefficients) {
            commitments.add(g.mulBase(a.value()));
        }
        byte[] keyId = params.oldKey().keyId();
        Map<PartyId, DealerMessage> out = new LinkedHashMap<>();
        DealerMessage self = null;
        for (PartyId j : params.newHolders()) {
            SecretScalar s = SecretScalar.of(Groups.evaluatePolynomial(coefficients, j.toScalar(q), q), q);
            DealerMessage m = new DealerMessage(MessageHeader.direct(DealerMessage.PROTOCOL, 1, params.session(),
                    params.self(), j), keyId, commitments, s);
            if (j.equals(params.self())) {
                self = m;
            } else {
                out.put(j, m);
            }
        }
        coefficients.forEach(SecretScalar::destroy);
        return new Output(out, self);
    }
}

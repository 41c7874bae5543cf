package io.openwaas.mpc.reshare;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.DkgParameters;
import io.openwaas.mpc.dkg.GroupKey;
import java.util.List;
import java.util.Objects;

/**
 * The public parameters of one reshare, identical at every participant: the old sharing's public data (as stored by
 * the coordinator — it carries the group key the new holders must end up with), the dealers (a quorum of at least
 * {@code t_old} old holders), the new threshold and the new holder set, the session and the local party (a dealer,
 * a new holder, or both).
 *
 * <p>Validated on construction: new ids non-zero and distinct mod q (threat line 8, at reshare as at keygen);
 * {@code 2 ≤ t_new ≤ n_new ≤ 7}; dealers are old holders and at least {@code t_old}; {@code self} has a role.
 */
public record ReshareParameters(GroupKey oldKey, SessionId session, List<PartyId> dealers, int newThreshold,
                                List<PartyId> newHolders, PartyId self) {

    public ReshareParameters {
        Objects.requireNonNull(oldKey, "oldKey");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(self, "self");
        dealers = List.copyOf(Groups.sorted(dealers));
        newHolders = List.copyOf(Groups.sorted(newHolders));
        EcGroup g = oldKey.group();
        PartyId.validateSet(newHolders, g.order());
        PartyId.validateSet(dealers, g.order());
        if (newHolders.size() < 2 || newHolders.size() > DkgParameters.MAX_PARTIES) {
            throw new IllegalArgumentException("number of new holders must be 2.." + DkgParameters.MAX_PARTIES);
        }
        if (newThreshold < 2 || newThreshold > newHolders.size()) {
            throw new IllegalArgumentException("new threshold must be 2..n_new");
        }
        if (!oldKey.parties().containsAll(dealers)) {
            throw new IllegalArgumentException("every dealer must be an old holder");
        }
        if (dealers.size() < oldKey.threshold()) {
            throw new IllegalArgumentException("fewer dealers than the old threshold");
        }
        if (!dealers.contains(self) && !newHolders.contains(self)) {
            throw new IllegalArgumentException("self is neither a dealer nor a new holder");
        }
    }

    public EcGroup group() {
        return oldKey.group();
    }

    public boolean isDealer() {
        return dealers.contains(self);
    }

    public boolean isNewHolder() {
        return newHolders.contains(self);
    }

    /** The same parameters at another participant. */
    public ReshareParameters forParty(PartyId other) {
        return new ReshareParameters(oldKey, session, dealers, newThreshold, newHolders, other);
    }
}

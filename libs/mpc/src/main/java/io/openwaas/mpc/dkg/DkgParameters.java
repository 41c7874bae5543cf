package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.Groups;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import java.util.List;
import java.util.Objects;

/**
 * The public parameters of one DKG execution, identical at every party: group, session id, threshold {@code t}
 * (any {@code t} of the {@code n} parties can sign; polynomials have degree {@code t − 1}), the party set and the
 * local party.
 *
 * <p>Validated on construction: {@code 2 ≤ t ≤ n ≤ }{@value #MAX_PARTIES}, identifiers non-zero and distinct
 * mod q (threat checklist line 8), {@code self} in the set.
 */
public record DkgParameters(EcGroup group, SessionId session, int threshold, List<PartyId> parties, PartyId self) {

    /** Largest supported holder set (tested up to this bound). */
    public static final int MAX_PARTIES = 7;

    public DkgParameters {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(self, "self");
        parties = List.copyOf(Groups.sorted(parties));
        if (parties.size() < 2 || parties.size() > MAX_PARTIES) {
            throw new IllegalArgumentException("number of parties must be 2.." + MAX_PARTIES);
        }
        if (threshold < 2 || threshold > parties.size()) {
            throw new IllegalArgumentException("threshold must be 2..n");
        }
        PartyId.validateSet(parties, group.order());
        if (!parties.contains(self)) {
            throw new IllegalArgumentException("self not among the parties");
        }
    }

    public int n() {
        return parties.size();
    }

    /** The same parameters seen from another party (used by in-process harnesses). */
    public DkgParameters forParty(PartyId other) {
        return new DkgParameters(group, session, threshold, parties, other);
    }
}

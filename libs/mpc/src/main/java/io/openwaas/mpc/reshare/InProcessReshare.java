package io.openwaas.mpc.reshare;

import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.GroupKey;
import io.openwaas.mpc.dkg.KeyShare;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-process harness: runs one reshare from the dealers' old shares to the new holders, routing every message as
 * encoded bytes through an {@link Interceptor}. Returns the new holders' shares.
 */
public final class InProcessReshare {

    private InProcessReshare() {
    }

    public static Map<PartyId, KeyShare> run(Map<PartyId, KeyShare> oldShares, List<PartyId> dealers,
                                             int newThreshold, List<PartyId> newHolders) {
        GroupKey oldKey = oldShares.get(dealers.get(0)).groupKey();
        return run(oldKey, oldShares, SessionId.random(), dealers, newThreshold, newHolders, Interceptor.HONEST,
                new SecureRandom());
    }

    public static Map<PartyId, KeyShare> run(GroupKey oldKey, Map<PartyId, KeyShare> oldShares, SessionId session,
                                             List<PartyId> dealers, int newThreshold, List<PartyId> newHolders,
                                             Interceptor net, SecureRandom rnd) {
        ReshareParameters base = new ReshareParameters(oldKey, session, dealers, newThreshold, newHolders,
                dealers.get(0));
        Map<PartyId, Round1.Output> deals = new TreeMap<>();
        for (PartyId d : base.dealers()) {
            deals.put(d, Round1.deal(base.forParty(d), oldShares.get(d), rnd));
        }
        Map<PartyId, Round2> round2 = new TreeMap<>();
        for (PartyId j : base.newHolders()) {
            DealerMessage own = deals.containsKey(j) ? deals.get(j).toSelf() : null;
            round2.put(j, Round2.begin(base.forParty(j), own));
        }
        for (PartyId d : base.dealers()) {
            for (var e : deals.get(d).direct().entrySet()) {
                for (byte[] b : net.deliver(1, d, e.getKey(), e.getValue().toBytes())) {
                    round2.get(e.getKey()).receive(d, b);
                }
            }
        }
        Map<PartyId, Round2.Output> r2 = new TreeMap<>();
        for (PartyId j : base.newHolders()) {
            r2.put(j, round2.get(j).finish());
        }
        for (PartyId from : base.newHolders()) {
            byte[] bytes = r2.get(from).broadcast().toBytes();
            for (PartyId to : base.newHolders()) {
                if (!to.equals(from)) {
                    for (byte[] b : net.deliver(2, from, to, bytes)) {
                        r2.get(to).next().receive(from, b);
                    }
                }
            }
        }
        Map<PartyId, KeyShare> out = new TreeMap<>();
        for (PartyId j : base.newHolders()) {
            out.put(j, r2.get(j).next().finish());
        }
        return out;
    }
}

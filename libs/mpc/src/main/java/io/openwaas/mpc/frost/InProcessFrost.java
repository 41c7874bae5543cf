package io.openwaas.mpc.frost;

import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.dkg.KeyShare;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-process harness: runs one FROST signing among the request's signers, routing every message as encoded bytes
 * through an {@link Interceptor}. The aggregator runs next to the first signer (smallest id), sees what that signer
 * receives and takes the commitments that signer has already decoded.
 */
public final class InProcessFrost {

    private InProcessFrost() {
    }

    public static FrostSignature sign(Map<PartyId, KeyShare> shares, SigningRequest request) {
        return sign(shares, request, Interceptor.HONEST, new SecureRandom());
    }

    public static FrostSignature sign(Map<PartyId, KeyShare> shares, SigningRequest request, Interceptor net,
                                      SecureRandom rnd) {
        PartyId coordinator = request.signers().get(0);
        Aggregator agg = new Aggregator(shares.get(coordinator).groupKey(), request, coordinator);
        Map<PartyId, Round1.Output> r1 = new TreeMap<>();
        for (PartyId p : request.signers()) {
            r1.put(p, Round1.commit(shares.get(p), request, rnd));
        }
        for (PartyId from : request.signers()) {
            byte[] bytes = r1.get(from).broadcast().toBytes();
            if (from.equals(coordinator)) {
                agg.receiveCommitment(r1.get(from).broadcast());
            }
            for (PartyId to : request.signers()) {
                if (to.equals(from)) {
                    continue;
                }
                for (byte[] b : net.deliver(1, from, to, bytes)) {
                    CommitmentMessage m = r1.get(to).next().receive(from, b);
                    if (to.equals(coordinator)) {
                        agg.receiveCommitment(m);
                    }
                }
            }
        }
        agg.attach(r1.get(coordinator).next());
        for (PartyId from : request.signers()) {
            byte[] bytes = r1.get(from).next().sign().toAggregator().toBytes();
            if (from.equals(coordinator)) {
                agg.receiveShare(from, bytes);
            } else {
                for (byte[] b : net.deliver(2, from, coordinator, bytes)) {
                    agg.receiveShare(from, b);
                }
            }
        }
        return agg.finish();
    }
}

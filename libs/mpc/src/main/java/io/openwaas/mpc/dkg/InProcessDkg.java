package io.openwaas.mpc.dkg;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.Interceptor;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-process harness: runs a whole DKG among {@code n} local parties, routing every message as encoded bytes
 * through an {@link Interceptor} (tests use it to play a malicious party; benchmarks use
 * {@link Interceptor#HONEST}). Not a transport: tss-service drives {@link Round1}, {@link Round2}, {@link Round3}
 * over Kafka the same way.
 */
public final class InProcessDkg {

    private InProcessDkg() {
    }

    /** Runs an honest DKG. */
    public static Map<PartyId, KeyShare> run(EcGroup group, int threshold, List<PartyId> parties) {
        return run(group, SessionId.random(), threshold, parties, Interceptor.HONEST, new SecureRandom());
    }

    /**
     * Runs a DKG; the first {@link io.openwaas.mpc.common.MpcAbortException} raised by any receiving party propagates.
     */
    public static Map<PartyId, KeyShare> run(EcGroup group, SessionId session, int threshold, List<PartyId> parties,
                                             Interceptor net, SecureRandom rnd) {
        Map<PartyId, Round1.Output> r1 = new TreeMap<>();
        for (PartyId p : parties) {
            r1.put(p, Round1.start(new DkgParameters(group, session, threshold, parties, p), rnd));
        }
        Map<PartyId, Round2> round2 = new TreeMap<>();
        r1.forEach((p, o) -> round2.put(p, o.next()));
        for (PartyId from : parties) {
            byte[] bytes = r1.get(from).broadcast().toBytes();
            for (PartyId to : parties) {
                if (!to.equals(from)) {
                    for (byte[] b : net.deliver(1, from, to, bytes)) {
                        round2.get(to).receive(from, b);
                    }
                }
            }
        }
        Map<PartyId, Round2.Output> r2 = new TreeMap<>();
        for (PartyId p : parties) {
            r2.put(p, round2.get(p).finish());
        }
        for (PartyId from : parties) {
            for (Map.Entry<PartyId, Round2Message> e : r2.get(from).direct().entrySet()) {
                for (byte[] b : net.deliver(2, from, e.getKey(), e.getValue().toBytes())) {
                    r2.get(e.getKey()).next().receive(from, b);
                }
            }
        }
        Map<PartyId, KeyShare> out = new TreeMap<>();
        for (PartyId p : parties) {
            out.put(p, r2.get(p).next().finish());
        }
        return out;
    }
}

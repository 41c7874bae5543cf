package io.openwaas.mpc.frost;

import io.openwaas.crypto.ec.EcGroup;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.dkg.InProcessDkg;
import io.openwaas.mpc.dkg.KeyShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-JVM cache of DKG outputs for the signing tests (a DKG costs tens of milliseconds). */
final class Keys {

    private static final Map<String, Map<PartyId, KeyShare>> CACHE = new ConcurrentHashMap<>();

    private Keys() {
    }

    static List<PartyId> ids(int n) {
        List<PartyId> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(PartyId.of(i));
        }
        return l;
    }

    /** Shares of a {@code t}-of-{@code n} DKG; re-parsed from their encodings so every test uses stored shares. */
    static Map<PartyId, KeyShare> dkg(EcGroup g, int t, int n) {
        return CACHE.computeIfAbsent(g.name() + t + "/" + n, k -> {
            Map<PartyId, KeyShare> fresh = InProcessDkg.run(g, t, ids(n));
            Map<PartyId, KeyShare> parsed = new java.util.TreeMap<>();
            fresh.forEach((p, s) -> parsed.put(p, KeyShare.parse(s.toBytes())));
            return parsed;
        });
    }

    static SessionId session() {
        return SessionId.random();
    }
}

package io.openwaas.mpc.common;

import io.openwaas.crypto.ec.EcPoint;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Internal helper: a precomputed table {@code j·16^i·P} ({@code 1 ≤ j ≤ 15}, 64 rows) for a long-lived <b>public</b>
 * point {@code P} (a group public key), so that {@code k·P} for a public {@code k} costs at most 64 additions instead of
 * a full double-and-add. Variable-time: public scalars only. Tables are kept in a small process-wide LRU cache keyed
 * by the point's encoding ({@value #CACHE_SIZE} entries, about 150 KB each).
 */
public final class FixedBaseTable {

    static final int CACHE_SIZE = 64;

    private static final Map<String, FixedBaseTable> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FixedBaseTable> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final EcPoint[][] rows;
    private final EcPoint identity;

    private FixedBaseTable(EcPoint p) {
        identity = p.group().identity();
        int nibbles = (p.group().order().bitLength() + 3) / 4;
        rows = new EcPoint[nibbles][16];
        EcPoint base = p;
        for (int i = 0; i < nibbles; i++) {
            rows[i][1] = base;
            for (int j = 2; j < 16; j++) {
                rows[i][j] = rows[i][j - 1].add(base);
            }
            base = rows[i][15].add(base); // 16·base
        }
    }

    /** The (cached) table of {@code p}. */
    public static FixedBaseTable of(EcPoint p) {
        String key = p.group().name() + ':' + Bytes.hex(p.encode());
        synchronized (CACHE) {
            FixedBaseTable t = CACHE.get(key);
            if (t != null) {
                return t;
            }
        }
        FixedBaseTable t = new FixedBaseTable(p);
        synchronized (CACHE) {
            CACHE.put(key, t);
        }
        return t;
    }

    /** {@code k·P} for a public {@code k} (reduced mod the group order). */
    public EcPoint multiply(BigInteger k) {
        BigInteger r = k.mod(identity.group().order());
        EcPoint acc = identity;
        for (int i = 0; i < rows.length; i++) {
            int d = 0;
            for (int b = 3; b >= 0; b--) {
                d = (d << 1) | (r.testBit(4 * i + b) ? 1 : 0);
            }
            if (d != 0) {
                acc = acc.add(rows[i][d]);
            }
        }
        return acc;
    }
}

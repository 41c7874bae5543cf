package io.openwaas.tss.domain;

import io.openwaas.tss.persistence.TssStore;
import io.openwaas.tss.protocol.StoredShare;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Decrypted, parsed key shares kept in memory between signatures. Parsing a stored two-party ECDSA share re-checks
 * its Paillier and aux keys (primality tests, a decryption) — most of a signature's CPU if done every time — while
 * the sealed row is already authenticated (AES-GCM under the node key). A share stays here until it has not been
 * used for {@link #IDLE_MS}, or until its row changes (freeze, reshare); it is destroyed when it leaves. The price is
 * that a share in use lives in the node's memory for that long.
 */
@ApplicationScoped
public class ShareCache {

    static final long IDLE_MS = TimeUnit.MINUTES.toMillis(5);

    private record Entry(StoredShare share, long lastUsed) {
    }

    /** Pre-computed P2 Paillier randomness kept per loaded P2 pair share (two values per PROVED signature). */
    static final int NOISE_POOL = 16;

    private final TssStore store;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final java.security.SecureRandom rnd = new java.security.SecureRandom();
    private final java.util.concurrent.ExecutorService refill = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tss-noise-refill");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    public ShareCache(TssStore store) {
        this.store = store;
    }

    /** Tops up the share's noise pools off the signing path (after a signature used some). */
    public void refill(StoredShare share) {
        refill.execute(() -> share.attachNoisePools(NOISE_POOL, rnd).forEach(io.openwaas.mpc.paillier.PaillierNoisePool::refill));
    }

    /** The share of a key (loaded and parsed on first use). Do not destroy it: the cache does. */
    public StoredShare get(String keyId) {
        long now = System.currentTimeMillis();
        evictIdle(now);
        boolean[] loaded = {false};
        Entry e = entries.compute(keyId, (id, old) -> {
            if (old != null) {
                return new Entry(old.share(), now);
            }
            loaded[0] = true;
            return new Entry(StoredShare.parse(store.openShare(id)), now);
        });
        if (loaded[0]) {
            refill(e.share());
        }
        return e.share();
    }

    /** Forgets (and destroys) a key's share: call when its row changed or went away. */
    public void invalidate(String keyId) {
        Entry e = entries.remove(keyId);
        if (e != null) {
            e.share().destroy();
        }
    }

    private void evictIdle(long now) {
        entries.entrySet().removeIf(en -> {
            if (now - en.getValue().lastUsed() > IDLE_MS) {
                en.getValue().share().destroy();
                return true;
            }
            return false;
        });
    }
}

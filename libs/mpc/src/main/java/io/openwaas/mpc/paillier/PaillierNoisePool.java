package io.openwaas.mpc.paillier;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Supplier;

/**
 * A bounded, thread-safe pool of pre-computed {@link PaillierNoise} for one public key — the offline half of the
 * offline/online split of P2's last two-party-ECDSA message (mpc-anchors §7): {@code r^N mod N²} is most of P2's
 * online cost, and it does not depend on the message.
 *
 * <p>The library starts no thread: the caller (tss-service) calls {@link #refill()} from its own background
 * executor, and passes the pool as the noise supplier of signing ({@code SignRound2.start(share, context, m1,
 * pool, rnd)}). {@link #get()} hands each value out exactly once (it is removed from the queue) and, when the pool
 * is empty, computes a fresh value inline — so signing never waits and never reuses randomness. The CPU cost per
 * signature is unchanged; only its place moves (off the online path).
 *
 * <p>The values are secrets (each {@code r} opens its ciphertext): the pool lives in memory only, is never
 * serialised, and {@link #clear()} drops it (e.g. when the key share is unloaded).
 */
public final class PaillierNoisePool implements Supplier<PaillierNoise> {

    private final PaillierPublicKey key;
    private final SecureRandom rnd;
    private final ArrayBlockingQueue<PaillierNoise> queue;

    /**
     * @param key      the public key the noise is for (P1's Paillier key, {@code P2KeyShare.peerPaillier()})
     * @param capacity the largest number of values kept (each is about {@code 3·|N|} bits)
     */
    public PaillierNoisePool(PaillierPublicKey key, int capacity, SecureRandom rnd) {
        this.key = Objects.requireNonNull(key, "key");
        this.rnd = Objects.requireNonNull(rnd, "rnd");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    public PaillierPublicKey key() {
        return key;
    }

    /** Computes values until the pool is full (call from a background thread); returns how many were added. */
    public int refill() {
        int added = 0;
        while (queue.remainingCapacity() > 0) {
            if (!queue.offer(key.noise(rnd))) {
                break;
            }
            added++;
        }
        return added;
    }

    /** A value used by nobody else: a pooled one if available, else a fresh one computed now. */
    @Override
    public PaillierNoise get() {
        PaillierNoise n = queue.poll();
        return n != null ? n : key.noise(rnd);
    }

    /** Values currently pooled. */
    public int size() {
        return queue.size();
    }

    /** Drops every pooled value. */
    public void clear() {
        queue.clear();
    }

    @Override
    public String toString() {
        return "PaillierNoisePool[" + key.bits() + " bits, " + queue.size() + " pooled, values redacted]";
    }
}

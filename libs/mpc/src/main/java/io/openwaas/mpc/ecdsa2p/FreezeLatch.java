package io.openwaas.mpc.ecdsa2p;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one-way "frozen" state of a P1 key share (threat checklist line 2, CVE-2023-33242). A failed final signature
 * verification in {@link SignRound3} trips it; from then on every signing attempt with the share aborts with
 * {@code AbortReason.KEY_FROZEN}. Nothing un-freezes a latch: the only way back to signing is an explicit refresh
 * ({@link Refresh}), which produces a new share with a new latch.
 *
 * <p>This is the one mutable object of the package, on purpose: the freeze must reach every in-memory copy that
 * shares it (all pair shares of one 2-of-3 holder share one latch) and must be persisted by tss-service —
 * {@link P1KeyShare#toBytes()} records it, so a frozen share stays frozen after a restart.
 */
public final class FreezeLatch {

    private final AtomicReference<String> reason = new AtomicReference<>();

    /** A new, open latch. */
    public FreezeLatch() {
    }

    static FreezeLatch frozen(String reason) {
        FreezeLatch l = new FreezeLatch();
        l.freeze(reason);
        return l;
    }

    /** Trips the latch (idempotent; the first reason is kept). */
    void freeze(String why) {
        reason.compareAndSet(null, why == null || why.isEmpty() ? "frozen" : why);
    }

    public boolean isFrozen() {
        return reason.get() != null;
    }

    /** Why the key was frozen (a public description: protocol, session, culprit), if it is. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    @Override
    public String toString() {
        return isFrozen() ? "FreezeLatch[frozen: " + reason.get() + "]" : "FreezeLatch[open]";
    }
}

package io.openwaas.mpc.common;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A protocol execution stopped because a peer misbehaved (or its message was corrupted). It names the
 * protocol, the round, the {@link AbortReason} and the culprit party ids (empty when the culprit cannot be
 * identified, e.g. an aggregate check that failed before blame).
 *
 * <p>The message is built only from these public fields and a short public detail; callers must never pass
 * secret values into {@code detail}.
 */
public final class MpcAbortException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String protocol;
    private final int round;
    private final AbortReason reason;
    private final transient SortedSet<PartyId> culprits;

    public MpcAbortException(String protocol, int round, AbortReason reason, Collection<PartyId> culprits,
                             String detail) {
        this(protocol, round, reason, culprits, detail, null);
    }

    public MpcAbortException(String protocol, int round, AbortReason reason, Collection<PartyId> culprits,
                             String detail, Throwable cause) {
        super(format(protocol, round, reason, culprits, detail), cause);
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.round = round;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.culprits = Collections.unmodifiableSortedSet(new TreeSet<>(culprits));
    }

    /** Shorthand for a single culprit. */
    public static MpcAbortException blame(String protocol, int round, AbortReason reason, PartyId culprit,
                                          String detail) {
        return new MpcAbortException(protocol, round, reason, culprit == null ? Collections.emptySet()
                : Collections.singleton(culprit), detail);
    }

    private static String format(String protocol, int round, AbortReason reason, Collection<PartyId> culprits,
                                 String detail) {
        return protocol + " round " + round + " aborted: " + reason + ", culprits " + new TreeSet<>(culprits)
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }

    public String protocol() {
        return protocol;
    }

    public int round() {
        return round;
    }

    public AbortReason reason() {
        return reason;
    }

    /** The culprit party ids, sorted; possibly empty. */
    public SortedSet<PartyId> culprits() {
        return culprits;
    }
}

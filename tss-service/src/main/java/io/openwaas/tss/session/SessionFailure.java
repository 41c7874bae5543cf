package io.openwaas.tss.session;

import java.util.List;

/**
 * A session that ended without a result for a reason other than a libs/mpc abort: a peer that stopped answering
 * (timeout), a peer that announced it stopped (its callback server rejected, or its protocol aborted), or a request
 * this node cannot serve. The message is the failure reason reported on {@code tss.results}.
 */
public class SessionFailure extends RuntimeException {

    private final List<String> culprits;
    private final boolean fromPeer;

    public SessionFailure(String message, List<String> culprits, boolean fromPeer) {
        super(message, null, false, false);
        this.culprits = List.copyOf(culprits);
        this.fromPeer = fromPeer;
    }

    public SessionFailure(String message) {
        this(message, List.of(), false);
    }

    /** Nodes blamed (a silent or aborting peer). */
    public List<String> culprits() {
        return culprits;
    }

    /** True when a peer told us to stop (so we need not tell the others again). */
    public boolean fromPeer() {
        return fromPeer;
    }
}

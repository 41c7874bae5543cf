package io.openwaas.mpc.common;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Echo broadcast (threat checklist line 15; Goldwasser–Lindell "broadcast with abort"): in the round after a
 * broadcast, every party re-sends the digest of every broadcast it received; a receiver compares these echoes with
 * its own view and aborts on any difference.
 *
 * <p>Blame, from the point of view of an honest receiver {@code me} checking the echo of {@code echoer} about the
 * broadcast of {@code p}: if {@code p} is {@code me} (I know what I sent) or {@code p} is the echoer itself (it
 * sent me something else than what it says it sent), the echoer is the culprit; otherwise {@code p} sent different
 * values to {@code me} and to the echoer, and {@code p} is named. With an authenticated transport the two signed
 * broadcasts are the evidence; without one, a lying echoer can shift the blame in the last case, but the honest
 * party still aborts.
 */
public final class EchoBroadcast {

    /** Length of an echo digest. */
    public static final int DIGEST_LENGTH = 32;

    private EchoBroadcast() {
    }

    /** The echo digest of an encoded broadcast (SHA-256 transcript bound to the session). */
    public static byte[] digest(SessionId session, byte[] encodedBroadcast) {
        return Transcript.forSession(Transcript.Hash.SHA256, "openwaas/echo/v1", session)
                .append("broadcast", encodedBroadcast).digest();
    }

    /** Writes a view: count, then {@code (party id, digest)} in id order. */
    public static void write(WireWriter w, Map<PartyId, byte[]> view) {
        SortedMap<PartyId, byte[]> sorted = new TreeMap<>(view);
        w.writeCount(sorted.size());
        sorted.forEach((p, d) -> {
            w.writePartyId(p);
            w.writeFixed(d);
        });
    }

    /** Reads a view of at most {@code max} entries; ids must be strictly increasing. */
    public static SortedMap<PartyId, byte[]> read(WireReader r, int max) {
        int n = r.readCount(max);
        SortedMap<PartyId, byte[]> view = new TreeMap<>();
        PartyId last = null;
        for (int i = 0; i < n; i++) {
            PartyId p = r.readPartyId();
            if (last != null && p.compareTo(last) <= 0) {
                throw new WireFormatException("echo entries not in increasing id order");
            }
            last = p;
            view.put(p, r.readFixed(DIGEST_LENGTH));
        }
        return view;
    }

    /**
     * Compares the {@code echoer}'s view with {@code mine}. {@code me} is {@code null} for an observer.
     *
     * @throws MpcAbortException {@link AbortReason#WRONG_LENGTH} (echo covers other parties; culprit the echoer) or
     *                           {@link AbortReason#EQUIVOCATION} (culprit per the class documentation)
     */
    public static void check(String protocol, int round, PartyId me, PartyId echoer, Map<PartyId, byte[]> mine,
                             Map<PartyId, byte[]> echoed) {
        if (!echoed.keySet().equals(mine.keySet())) {
            throw MpcAbortException.blame(protocol, round, AbortReason.WRONG_LENGTH, echoer,
                    "echo does not cover exactly the broadcasting parties");
        }
        for (Map.Entry<PartyId, byte[]> e : new TreeMap<>(mine).entrySet()) {
            PartyId p = e.getKey();
            if (!Bytes.constantTimeEquals(e.getValue(), echoed.get(p))) {
                PartyId culprit = p.equals(me) || p.equals(echoer) ? echoer : p; // me may be null
                throw MpcAbortException.blame(protocol, round, AbortReason.EQUIVOCATION, culprit,
                        "inconsistent broadcast of " + p + " (echo from " + echoer + ")");
            }
        }
    }
}

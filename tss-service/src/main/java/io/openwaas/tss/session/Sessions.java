package io.openwaas.tss.session;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mailboxes of the running sessions. A session is a TSS request id; each of its tasks ({@code keygen/ED25519},
 * {@code sign/3}, ...) has a mailbox with one slot per (round, sender). Messages that arrive before their session
 * started here (a faster peer) wait in the mailbox; a second message for a filled slot is refused (the transport
 * names it), and a session that ended takes nothing more.
 */
@ApplicationScoped
public class Sessions {

    /** Why a delivery was refused, or null when it was accepted. */
    public enum Refusal {
        SESSION_ENDED, SLOT_FILLED
    }

    private static final long KEEP_ENDED_MS = TimeUnit.MINUTES.toMillis(30);
    private static final long KEEP_UNOPENED_MS = TimeUnit.MINUTES.toMillis(10);

    private final Map<String, Mailbox> boxes = new ConcurrentHashMap<>();
    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    private final Map<String, String> aborts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> abortCulprits = new ConcurrentHashMap<>();

    private static String key(String session, String task) {
        return session + '\u0000' + task;
    }

    private Mailbox box(String session, String task) {
        return boxes.computeIfAbsent(key(session, task), k -> new Mailbox(session));
    }

    /** Delivers a protocol or control message; null when accepted. */
    public Refusal deliver(String session, String task, int round, String from, byte[] payload) {
        if (ended.containsKey(session)) {
            return Refusal.SESSION_ENDED;
        }
        return box(session, task).put(round, from, payload) ? null : Refusal.SLOT_FILLED;
    }

    /** A peer stopped the session: every wait of the session fails with the peer's reason. */
    public void abort(String session, String from, String reason) {
        if (ended.containsKey(session)) {
            return;
        }
        aborts.putIfAbsent(session, from + " stopped the session: " + reason);
        abortCulprits.putIfAbsent(session, List.of(from));
        boxes.forEach((k, b) -> {
            if (b.session.equals(session)) {
                b.wake();
            }
        });
    }

    /**
     * The requester cancelled the session: every wait of it fails with {@code reason} (each participant gets the
     * Cancel itself, so no peer is blamed or told). Also for a session whose first wait is still to come.
     */
    public void cancel(String session, String reason) {
        if (ended.containsKey(session)) {
            return;
        }
        aborts.putIfAbsent(session, reason);
        abortCulprits.putIfAbsent(session, List.of());
        boxes.forEach((k, b) -> {
            if (b.session.equals(session)) {
                b.wake();
            }
        });
    }

    /**
     * Waits for the message of {@code from} in {@code round} of a task.
     *
     * @throws SessionFailure on timeout (naming the silent peer) or when a peer stopped the session
     */
    public byte[] take(String session, String task, int round, String from, long timeoutMillis) {
        Mailbox b = box(session, task);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        b.lock.lock();
        try {
            while (true) {
                byte[] m = b.slots.remove(slot(round, from));
                if (m != null) {
                    b.taken.put(slot(round, from), Boolean.TRUE);
                    return m;
                }
                String abort = aborts.get(session);
                if (abort != null) {
                    throw new SessionFailure(abort, abortCulprits.getOrDefault(session, List.of()), true);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SessionFailure("session " + task + " timed out after " + timeoutMillis / 1000.0
                            + " s waiting for round " + round + " from " + from, List.of(from), false);
                }
                b.arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionFailure("session " + task + " interrupted");
        } finally {
            b.lock.unlock();
        }
    }

    /** Ends a session: its mailboxes go, later messages for it are refused. */
    public void end(String session) {
        long now = System.currentTimeMillis();
        ended.put(session, now);
        boxes.entrySet().removeIf(e -> e.getValue().session.equals(session));
        aborts.remove(session);
        abortCulprits.remove(session);
        ended.entrySet().removeIf(e -> now - e.getValue() > KEEP_ENDED_MS);
        boxes.entrySet().removeIf(e -> now - e.getValue().created > KEEP_UNOPENED_MS);
    }

    public boolean hasEnded(String session) {
        return ended.containsKey(session);
    }

    /** Mailboxes currently held (running sessions and early messages). */
    public int open() {
        return boxes.size();
    }

    private static String slot(int round, String from) {
        return round + "/" + from;
    }

    private static final class Mailbox {
        final String session;
        final long created = System.currentTimeMillis();
        final ReentrantLock lock = new ReentrantLock();
        final Condition arrived = lock.newCondition();
        final Map<String, byte[]> slots = new HashMap<>();
        final Map<String, Boolean> taken = new HashMap<>();

        Mailbox(String session) {
            this.session = session;
        }

        boolean put(int round, String from, byte[] payload) {
            lock.lock();
            try {
                String s = slot(round, from);
                if (slots.containsKey(s) || taken.containsKey(s)) {
                    return false;
                }
                slots.put(s, payload);
                arrived.signalAll();
                return true;
            } finally {
                lock.unlock();
            }
        }

        void wake() {
            lock.lock();
            try {
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}

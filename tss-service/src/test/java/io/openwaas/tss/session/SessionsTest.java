package io.openwaas.tss.session;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsTest {

    @Test
    void anEarlyMessageWaitsForItsRound() {
        Sessions s = new Sessions();
        assertNull(s.deliver("r1", "sign/0", 1, "tss-node-1", new byte[] {7}));
        assertArrayEquals(new byte[] {7}, s.take("r1", "sign/0", 1, "tss-node-1", 1000));
    }

    @Test
    void aSecondMessageForTheSameSlotIsRefusedEvenAfterItWasTaken() {
        Sessions s = new Sessions();
        s.deliver("r1", "sign/0", 1, "tss-node-1", new byte[] {1});
        assertEquals(Sessions.Refusal.SLOT_FILLED, s.deliver("r1", "sign/0", 1, "tss-node-1", new byte[] {2}));
        s.take("r1", "sign/0", 1, "tss-node-1", 1000);
        assertEquals(Sessions.Refusal.SLOT_FILLED, s.deliver("r1", "sign/0", 1, "tss-node-1", new byte[] {3}));
    }

    @Test
    void aSilentPeerTimesOutAndIsNamed() {
        SessionFailure f = assertThrows(SessionFailure.class,
                () -> new Sessions().take("r1", "keygen/ED25519", 2, "tss-node-2", 50));
        assertTrue(f.getMessage().contains("timed out") && f.getMessage().contains("tss-node-2"), f.getMessage());
        assertEquals(java.util.List.of("tss-node-2"), f.culprits());
    }

    @Test
    void aPeersAbortEndsEveryWaitWithItsReason() throws Exception {
        Sessions s = new Sessions();
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                s.take("r1", "sign/0", 1, "tss-node-1", 10_000);
                return null;
            } catch (SessionFailure e) {
                return e;
            }
        });
        Thread.sleep(100);
        s.abort("r1", "tss-node-1", "callback server rejected");
        SessionFailure f = (SessionFailure) waiting.get();
        assertTrue(f.fromPeer());
        assertTrue(f.getMessage().contains("tss-node-1 stopped the session: callback server rejected"), f.getMessage());
    }

    @Test
    void anEndedSessionTakesNothing() {
        Sessions s = new Sessions();
        s.end("r1");
        assertEquals(Sessions.Refusal.SESSION_ENDED, s.deliver("r1", "sign/0", 1, "tss-node-1", new byte[] {1}));
    }
}

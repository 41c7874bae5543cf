package io.openwaas.tss.protocol;

import io.openwaas.mpc.paillier.PaillierPrivateKey;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Fresh Paillier–Blum keys for two-party ECDSA pair setups, made ahead of time on a background thread (a 2048-bit
 * key costs a few hundred milliseconds). Every key is handed out once and never reused (libs/mpc leaves that duty
 * to the caller); keys live in memory only until they are used, and an empty pool makes one inline.
 */
public final class PaillierPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PaillierPool.class);
    private static final int BITS = 2048;

    private final BlockingQueue<PaillierPrivateKey> ready;
    private final SecureRandom rnd;
    private final Thread filler;
    private volatile boolean running = true;

    public PaillierPool(int capacity, SecureRandom rnd) {
        this.ready = new LinkedBlockingQueue<>(Math.max(1, capacity));
        this.rnd = rnd;
        this.filler = new Thread(this::fill, "tss-paillier-pool");
        filler.setDaemon(true);
        filler.setPriority(Thread.MIN_PRIORITY);
        if (capacity > 0) {
            filler.start();
        }
    }

    private void fill() {
        while (running) {
            try {
                ready.put(PaillierPrivateKey.random(BITS, rnd));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Paillier key generation failed: %s", e.getMessage());
            }
        }
    }

    /** A fresh key: from the pool, or made now when the pool is empty. */
    public PaillierPrivateKey take() {
        PaillierPrivateKey k = ready.poll();
        return k != null ? k : PaillierPrivateKey.random(BITS, rnd);
    }

    public int size() {
        return ready.size();
    }

    @Override
    public void close() {
        running = false;
        filler.interrupt();
        ready.clear();
    }
}

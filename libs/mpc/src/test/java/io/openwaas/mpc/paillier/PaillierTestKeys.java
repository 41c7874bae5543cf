package io.openwaas.mpc.paillier;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Paillier keys for tests, generated at run time (never hard-coded) and cached for the whole test JVM, because a
 * 2048-bit key costs about 0.1–0.5 s here. Tests must not destroy them.
 */
public final class PaillierTestKeys {

    private static final List<PaillierPrivateKey> KEYS = new ArrayList<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PaillierTestKeys() {
    }

    /** The {@code index}-th cached 2048-bit key (generated on first use). */
    public static synchronized PaillierPrivateKey key(int index) {
        while (KEYS.size() <= index) {
            KEYS.add(PaillierPrivateKey.random(PaillierPublicKey.MIN_MODULUS_BITS, RANDOM));
        }
        return KEYS.get(index);
    }
}

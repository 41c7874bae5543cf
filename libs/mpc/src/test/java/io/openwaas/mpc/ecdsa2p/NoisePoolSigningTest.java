package io.openwaas.mpc.ecdsa2p;

import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.RND;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.assertValid;
import static io.openwaas.mpc.ecdsa2p.Ecdsa2pFixtures.randomHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openwaas.mpc.common.SessionId;
import io.openwaas.mpc.paillier.PaillierNoisePool;
import io.openwaas.mpc.paillier.PaillierTestKeys;
import org.junit.jupiter.api.Test;

/** P2 signing with a {@link PaillierNoisePool}: both modes work, values are consumed, a foreign pool is refused. */
class NoisePoolSigningTest {

    @Test
    void signingDrawsFromThePoolInBothModes() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        PaillierNoisePool pool = new PaillierNoisePool(k.p2().peerPaillier(), 3, RND);
        pool.refill();
        InProcessEcdsa2p h = new InProcessEcdsa2p();
        byte[] hash = randomHash();
        assertValid(k.p1().publicKey(), hash, h.sign(k.p1(), k.p2(), SignContext.of(SessionId.random(), hash,
                SignContext.Mode.GLOBAL_ABORT), pool));
        assertEquals(2, pool.size());
        byte[] hash2 = randomHash();
        assertValid(k.p1().publicKey(), hash2, h.sign(k.p1(), k.p2(), SignContext.of(SessionId.random(), hash2,
                SignContext.Mode.PROVED), pool));
        assertEquals(0, pool.size());
        // empty pool: fresh values inline
        byte[] hash3 = randomHash();
        assertValid(k.p1().publicKey(), hash3, h.sign(k.p1(), k.p2(), SignContext.of(SessionId.random(), hash3,
                SignContext.Mode.PROVED), pool));
    }

    @Test
    void aPoolForAnotherKeyIsRefused() {
        InProcessEcdsa2p.KeyPair k = Ecdsa2pFixtures.twoOfTwo();
        PaillierNoisePool other = new PaillierNoisePool(PaillierTestKeys.key(2).publicKey(), 1, RND);
        SignContext ctx = SignContext.of(SessionId.random(), randomHash(), SignContext.Mode.GLOBAL_ABORT);
        SignMessage1 m1 = SignRound1.start(k.p1(), ctx, RND).message();
        assertThrows(IllegalArgumentException.class, () -> SignRound2.start(k.p2(), ctx, m1, other, RND));
    }
}

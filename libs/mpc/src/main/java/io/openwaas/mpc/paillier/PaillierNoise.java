package io.openwaas.mpc.paillier;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Pre-computed Paillier encryption randomness for one public key: a unit {@code r} of {@code Z*_N} and
 * {@code r^N mod N²}, the only expensive step of an encryption. Computing these ahead of time (an offline pool, as
 * mpc-anchors §7 suggests for P2's last signing message) moves ~15 ms of a 2048-bit encryption off the online path.
 * Each value must be used for exactly one encryption; {@code r} is secret (it opens the ciphertext), so a pool of
 * noise is secret material and {@link #toString()} is redacted.
 *
 * @param r    the unit
 * @param rToN {@code r^N mod N²}
 */
public record PaillierNoise(BigInteger r, BigInteger rToN) {

    public PaillierNoise {
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(rToN, "rToN");
    }

    @Override
    public String toString() {
        return "PaillierNoise[redacted]";
    }
}

package io.openwaas.mpc.zk;

import io.openwaas.mpc.paillier.PaillierPrivateKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The verifier's trapdoor for its {@link RingPedersenParams}: the factorisation of {@code N̂} (a
 * {@link PaillierPrivateKey}) and {@code λ} with {@code s = t^λ mod N̂}. Generation follows CGGMP21 §3 (aux-info):
 * {@code t = τ² mod N̂} for a random unit {@code τ}, {@code λ ← Z_φ(N̂)}, {@code s = t^λ}. Destroyable; never
 * printed.
 */
public final class RingPedersenSecret implements Destroyable {

    private final PaillierPrivateKey key;
    private final RingPedersenParams params;
    private volatile BigInteger lambda;

    private RingPedersenSecret(PaillierPrivateKey key, RingPedersenParams params, BigInteger lambda) {
        this.key = key;
        this.params = params;
        this.lambda = lambda;
    }

    /** Fresh parameters on the modulus of {@code key}. */
    public static RingPedersenSecret random(PaillierPrivateKey key, SecureRandom rnd) {
        Objects.requireNonNull(key, "key");
        BigInteger n = key.publicKey().modulus();
        while (true) {
            BigInteger tau = ZkMath.randomUnit(n, rnd);
            BigInteger t = tau.multiply(tau).mod(n);
            BigInteger lambda = ZkMath.randomBelow(key.phi(), rnd);
            BigInteger s = key.crtPow(t, lambda);
            RingPedersenParams params = new RingPedersenParams(n, s, t);
            try {
                params.validate();
                return new RingPedersenSecret(key, params, lambda);
            } catch (InvalidProofException e) {
                // negligible probability (λ = 0, 1, t of order ≤ 2): draw again
            }
        }
    }

    /** Re-creates the secret from a stored key and λ (checks {@code s = t^λ}). */
    public static RingPedersenSecret of(PaillierPrivateKey key, RingPedersenParams params, BigInteger lambda) {
        if (!params.modulus().equals(key.publicKey().modulus())
                || !key.crtPow(params.t(), lambda).equals(params.s())) {
            throw new IllegalArgumentException("ring-Pedersen secret does not match its parameters");
        }
        return new RingPedersenSecret(key, params, lambda);
    }

    public RingPedersenParams params() {
        return params;
    }

    /** The factorisation of {@code N̂}. */
    public PaillierPrivateKey key() {
        return key;
    }

    /** {@code λ} (secret). */
    public BigInteger lambda() {
        BigInteger l = lambda;
        if (l == null) {
            throw new IllegalStateException("ring-Pedersen secret destroyed");
        }
        return l;
    }

    /** {@code s^x · t^y mod N̂} by the CRT (verifier side; exponents may be negative). */
    public BigInteger commitFast(BigInteger x, BigInteger y) {
        BigInteger n = params.modulus();
        return key.crtPow(params.s(), x).multiply(key.crtPow(params.t(), y)).mod(n);
    }

    /** {@code base^e mod N̂} by the CRT for a unit {@code base} (exponent may be negative). */
    public BigInteger powFast(BigInteger base, BigInteger e) {
        return key.crtPow(base, e);
    }

    @Override
    public void destroy() {
        lambda = null;
        key.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return lambda == null;
    }

    @Override
    public String toString() {
        return "RingPedersenSecret[redacted]";
    }
}

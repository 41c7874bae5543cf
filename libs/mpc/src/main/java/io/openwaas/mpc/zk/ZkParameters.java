package io.openwaas.mpc.zk;

import java.math.BigInteger;

/**
 * Range parameters of the Paillier proofs, as CGGMP21 (eprint 2021/060, §6 and Appendix C) sets them for a
 * 256-bit group order: {@code ℓ = 256} (the honest range {@code ±2^ℓ}), {@code ε = 2ℓ = 512} (the slack: a
 * verified proof shows the value lies in {@code ±2^{ℓ+ε}}, and the prover's masks are {@code 2^ε} times larger
 * than what they hide, so zero-knowledge holds statistically up to about {@code 2^-ε·|e|}).
 */
public final class ZkParameters {

    /** {@code ℓ}: bits of the honest range. */
    public static final int ELL = 256;
    /** {@code ε}: bits of slack. */
    public static final int EPSILON = 512;

    static final BigInteger TWO_ELL = BigInteger.ONE.shiftLeft(ELL);
    static final BigInteger TWO_ELL_EPS = BigInteger.ONE.shiftLeft(ELL + EPSILON);

    private ZkParameters() {
    }
}

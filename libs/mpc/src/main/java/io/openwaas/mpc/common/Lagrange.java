package io.openwaas.mpc.common;

import java.math.BigInteger;
import java.util.Collection;

/**
 * Lagrange coefficients at {@code x = 0} over the scalar field {@code Z_q} (RFC 9591 §4.2,
 * {@code derive_interpolating_value}).
 */
public final class Lagrange {

    private Lagrange() {
    }

    /**
     * {@code λ_i = Π_{j ∈ set, j ≠ i} x_j / (x_j − x_i) mod q}.
     *
     * @throws IllegalArgumentException if {@code i} is not in the set or the set fails
     *                                  {@link PartyId#validateSet(Collection, BigInteger)}
     */
    public static BigInteger coefficient(PartyId i, Collection<PartyId> set, BigInteger q) {
        PartyId.validateSet(set, q);
        if (!set.contains(i)) {
            throw new IllegalArgumentException(i + " not in the signer set");
        }
        BigInteger xi = i.toScalar(q);
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (PartyId j : set) {
            if (j.equals(i)) {
                continue;
            }
            BigInteger xj = j.toScalar(q);
            num = num.multiply(xj).mod(q);
            den = den.multiply(xj.subtract(xi)).mod(q);
        }
        return num.multiply(den.modInverse(q)).mod(q);
    }

    /**
     * {@code λ_i(x) = Π_{j ∈ set, j ≠ i} (x − x_j) / (x_i − x_j) mod q}: the coefficient of {@code f(x_i)} in
     * {@code f(x)} for a polynomial of degree {@code |set| − 1}.
     */
    public static BigInteger coefficientAt(PartyId i, Collection<PartyId> set, BigInteger x, BigInteger q) {
        PartyId.validateSet(set, q);
        if (!set.contains(i)) {
            throw new IllegalArgumentException(i + " not in the set");
        }
        BigInteger xi = i.toScalar(q);
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (PartyId j : set) {
            if (j.equals(i)) {
                continue;
            }
            BigInteger xj = j.toScalar(q);
            num = num.multiply(x.subtract(xj)).mod(q);
            den = den.multiply(xi.subtract(xj)).mod(q);
        }
        return num.multiply(den.modInverse(q)).mod(q);
    }
}

package io.openwaas.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact amounts on the wire: decimal strings, never doubles. */
public final class Amounts {

    private Amounts() {
    }

    /** {@code 1.50} → {@code "1.5"}, {@code 0E-8} → {@code "0"}: exact, no exponent. */
    public static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    /** Base units (wei, satoshi, token units) → whole units of a token with {@code decimals} decimals. */
    public static BigDecimal whole(BigInteger units, int decimals) {
        return new BigDecimal(units, decimals);
    }

    /** Whole units → base units; the amount must have no more than {@code decimals} decimals. */
    public static BigInteger units(BigDecimal whole, int decimals) {
        return whole.movePointRight(decimals).toBigIntegerExact();
    }
}

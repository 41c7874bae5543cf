package io.openwaas.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One measured number, printed as {@code <name> <value> <unit>}.
 *
 * @param name  dotted metric name, e.g. {@code crypto.ecdsa.sign_us}
 * @param value the measurement, kept as an exact decimal
 * @param unit  unit word, e.g. {@code us}, {@code ms}, {@code rps}, {@code count}
 */
public record Metric(String name, BigDecimal value, String unit) {

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
    }

    /** A metric from a measured double, rounded to three decimals for printing. */
    public static Metric of(String name, double value, String unit) {
        return new Metric(name, BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros(), unit);
    }

    /** A metric from a count. */
    public static Metric of(String name, long value, String unit) {
        return new Metric(name, BigDecimal.valueOf(value), unit);
    }

    /** The printed line. */
    public String line() {
        return name + " " + value.toPlainString() + " " + unit;
    }
}

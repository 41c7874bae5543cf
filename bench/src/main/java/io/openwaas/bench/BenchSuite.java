package io.openwaas.bench;

import java.util.List;

/**
 * One benchmark suite of {@code bin/waas bench SUITE}: the class {@code io.openwaas.bench.<suite>.<Suite>Suite}
 * (see {@link BenchMain}).
 */
public interface BenchSuite {

    /** The suite name given on the command line, e.g. {@code crypto}. */
    String name();

    /**
     * Runs the suite and returns its metrics in the order they should be printed.
     *
     * @param args the remaining command-line arguments after the suite name
     */
    List<Metric> run(List<String> args) throws Exception;

    /** The value after {@code name} in the arguments, or the fallback. */
    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}

package io.openwaas.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs JMH benchmarks in-process for a suite and returns the primary score of each benchmark method
 * (keyed by the method's simple name): the average time of one invocation in microseconds.
 */
public final class Jmh {

    private Jmh() {
    }

    /**
     * @param includeRegex benchmark include pattern (e.g. {@code io.openwaas.bench.crypto.*})
     * @param quick        fewer and shorter iterations (for a smoke run); the default is 3 warm-up and 5
     *                     measurement iterations of 1 s, one fork
     */
    public static Map<String, Double> run(String includeRegex, boolean quick) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(includeRegex)
                .mode(Mode.AverageTime)
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.MICROSECONDS)
                .shouldFailOnError(true);
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            scores.put(method, r.getPrimaryResult().getScore());
        }
        return scores;
    }
}

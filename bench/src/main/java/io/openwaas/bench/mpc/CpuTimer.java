package io.openwaas.bench.mpc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Measures the CPU time of one operation on the calling thread (all parties of an in-process run execute on this
 * thread, so this is the total CPU of the parties plus aggregation). Returns the median over the measured
 * iterations after a warm-up, in milliseconds.
 */
public final class CpuTimer {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private CpuTimer() {
    }

    /** An operation to time; the returned value is kept alive so the JIT cannot drop the work. */
    @FunctionalInterface
    public interface Op {
        Object run() throws Exception;
    }

    public static double medianMillis(Op op, int warmup, int iterations) throws Exception {
        boolean cpu = MX.isCurrentThreadCpuTimeSupported();
        int sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += System.identityHashCode(op.run());
        }
        long[] t = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = cpu ? MX.getCurrentThreadCpuTime() : System.nanoTime();
            sink += System.identityHashCode(op.run());
            t[i] = (cpu ? MX.getCurrentThreadCpuTime() : System.nanoTime()) - start;
        }
        if (sink == 42) {
            System.err.print("");
        }
        Arrays.sort(t);
        return t[iterations / 2] / 1e6;
    }
}

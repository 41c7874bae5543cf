package io.openwaas.bench.mpc;

import io.openwaas.bench.BenchSuite;
import io.openwaas.bench.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/waas bench mpc}: threshold protocols of libs/mpc. Runs each {@link ProtocolBench} listed in
 * {@link #PARTS} that is present on the class path ({@link FrostBench}: DKG, FROST, reshare and the single-party
 * baselines; {@code Ecdsa2pBench}: two-party ECDSA, owned by the ECDSA engineer). Argument {@code quick}: fewer
 * iterations.
 */
public class MpcSuite implements BenchSuite {

    /** Parts, in print order; absent classes are skipped. */
    static final List<String> PARTS = List.of("io.openwaas.bench.mpc.FrostBench", "io.openwaas.bench.mpc.Ecdsa2pBench");

    @Override
    public String name() {
        return "mpc";
    }

    @Override
    public List<Metric> run(List<String> args) throws Exception {
        boolean quick = args.contains("quick");
        List<Metric> out = new ArrayList<>();
        for (String name : PARTS) {
            Class<?> c;
            try {
                c = Class.forName(name);
            } catch (ClassNotFoundException e) {
                System.err.println("mpc bench: " + name + " not present, skipped");
                continue;
            }
            ProtocolBench part = (ProtocolBench) c.getDeclaredConstructor().newInstance();
            out.addAll(part.run(quick));
        }
        return out;
    }
}

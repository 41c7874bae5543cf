package io.openwaas.bench.mpc;

import io.openwaas.bench.Metric;
import java.util.List;

/**
 * One protocol family's part of the {@code mpc} suite. {@link MpcSuite} runs every implementation it finds among
 * {@link MpcSuite#PARTS} (a public no-argument constructor is required), so each engineer adds metrics in a class of
 * their own — e.g. {@code Ecdsa2pBench} for {@code mpc.ecdsa2p.*} — without editing the suite.
 */
public interface ProtocolBench {

    /**
     * @param quick fewer iterations (smoke run)
     * @return the metrics, in print order
     */
    List<Metric> run(boolean quick) throws Exception;
}

package io.openwaas.transaction.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EIP-1559 fee levels per chain, from what the chain followers last read from their nodes (the latest base fee and
 * the node's suggested priority fee). {@code max_fee_per_gas} = 2 × base fee + priority fee, the usual headroom for
 * the base fee doubling over the next blocks before inclusion; slow and fast scale the priority fee.
 */
@ApplicationScoped
public class FeeOracle {

    /** One level: wei per gas. */
    public record Level(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
    }

    /** The three levels of a chain. */
    public record Levels(Level slow, Level recommended, Level fast) {
    }

    private static final BigInteger MIN_TIP = BigInteger.valueOf(1_000_000_000L);
    private final Map<String, Levels> levels = new ConcurrentHashMap<>();

    /** What a follower read. */
    public void update(String chainId, BigInteger baseFee, BigInteger suggestedTip) {
        BigInteger tip = suggestedTip.max(MIN_TIP);
        BigInteger headroom = baseFee.shiftLeft(1);
        levels.put(chainId, new Levels(
                new Level(headroom.add(tip.divide(BigInteger.TWO)), tip.divide(BigInteger.TWO)),
                new Level(headroom.add(tip), tip),
                new Level(headroom.add(tip.shiftLeft(1)), tip.shiftLeft(1))));
    }

    public Optional<Levels> levels(String chainId) {
        return Optional.ofNullable(levels.get(chainId));
    }
}

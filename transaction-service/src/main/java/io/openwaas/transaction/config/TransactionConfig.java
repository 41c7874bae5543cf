package io.openwaas.transaction.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** transaction-service configuration ({@code openwaas.transaction.*}). */
@ConfigMapping(prefix = "openwaas.transaction")
public interface TransactionConfig {

    /** Per catalogue chain id ({@code openwaas.transaction.chains.DEV_ETH.rpc-url=…}). */
    Map<String, ChainConfig> chains();

    interface ChainConfig {

        /** The chain node's JSON-RPC URL; a chain without one is not followed. */
        Optional<String> rpcUrl();

        /** How often the follower asks the node for new blocks. */
        @WithDefault("500ms")
        Duration pollInterval();

        /**
         * Where a follower with no cursor yet starts: {@code latest} (the head when it first starts; earlier deposits
         * are not seen) or a block number.
         */
        @WithDefault("latest")
        String startBlock();

        /** Confirmations for a deposit to complete; default: the catalogue's {@code confirming_threshold}. */
        OptionalInt confirmingThreshold();

        /** How many recent blocks are kept to find the common ancestor after a reorg (the deepest reorg handled). */
        @WithDefault("128")
        int blocksKept();

        /**
         * A deposit whose block left the chain fails ({@code ReOrged}) if it is not included again within this many
         * blocks.
         */
        @WithDefault("12")
        int reorgGraceBlocks();

        /** At most this many blocks per poll, so one poll's work stays bounded when catching up. */
        @WithDefault("50")
        int maxBlocksPerPoll();
    }
}

package io.openwaas.wallet.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Server wallets ({@code openwaas.server-wallet.*}). */
@ConfigMapping(prefix = "openwaas.server-wallet")
public interface ServerWalletConfig {

    /** The two TSS nodes that hold every server wallet's 2-of-2 key. */
    @WithDefault("tss-node-0,tss-node-1")
    List<String> nodes();

    /** How long a request waits for the nodes (key generation, a signature) before it answers with an error. */
    @WithDefault("60s")
    Duration timeout();
}

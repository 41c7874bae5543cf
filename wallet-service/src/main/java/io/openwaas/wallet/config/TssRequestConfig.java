package io.openwaas.wallet.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** A vault's TSS requests ({@code openwaas.tss-requests.*}). */
@ConfigMapping(prefix = "openwaas.tss-requests")
public interface TssRequestConfig {

    /**
     * How long a KeyGen, KeyGenFromKeyGroup or Recovery request may stay undecided (PendingKeyHolderConfirmation or
     * KeyGenerating) from its creation. Then it is failed, its target group is free for a new request, and the nodes
     * are sent a {@code Cancel}.
     */
    @WithDefault("5m")
    Duration timeout();

    /** How often the requests past the timeout are looked for ({@code off} disables it). */
    @WithDefault("15s")
    String checkEvery();
}

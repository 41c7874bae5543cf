package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.WalletType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Reference §3.3 {@code UpdateWalletParams} (MPC variant): {@code wallet_type*}, {@code name}, {@code enable_auto_sweep}. */
public record UpdateWalletParams(
        @NotNull WalletType walletType,
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        Boolean enableAutoSweep) {
}

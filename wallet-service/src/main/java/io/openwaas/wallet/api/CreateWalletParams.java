package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.WalletSubtype;
import io.openwaas.wallet.domain.WalletType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Reference §3.3 {@code CreateWalletParams}, a oneOf by {@code wallet_type}. This platform creates MPC
 * Org-Controlled wallets; the other variants' fields are accepted by the parser and refused with a clear error.
 */
public record CreateWalletParams(
        @NotBlank @Size(max = 200) String name,
        @NotNull WalletType walletType,
        @NotNull WalletSubtype walletSubtype,
        String vaultId,
        Boolean enableAutoSweep) {
}

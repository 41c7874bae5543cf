package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.MpcVaultType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Reference §3.4: {@code POST /v2/wallets/mpc/vaults}. */
public record CreateMpcVaultRequest(@NotBlank @Size(max = 200) String name, @NotNull MpcVaultType vaultType,
                                    String projectId) {
}

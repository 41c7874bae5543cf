package io.openwaas.wallet.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Reference §3.4: {@code PUT /v2/wallets/mpc/vaults/{vault_id}}. */
public record UpdateMpcVaultRequest(@NotBlank @Size(max = 200) String name) {
}

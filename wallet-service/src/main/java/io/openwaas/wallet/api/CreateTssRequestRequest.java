package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.TssRequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Reference §3.4: {@code POST /v2/wallets/mpc/vaults/{vault_id}/tss_requests}. */
public record CreateTssRequestRequest(@NotNull TssRequestType type,
                                      @NotBlank @Size(max = 100) String targetKeyShareHolderGroupId,
                                      @Valid SourceGroup sourceKeyShareHolderGroup,
                                      @Size(max = 1000) String description) {
}

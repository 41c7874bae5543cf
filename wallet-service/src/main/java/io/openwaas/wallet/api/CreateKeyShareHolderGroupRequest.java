package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.KeyShareHolderGroupType;
import io.openwaas.wallet.domain.KeyShareHolderType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Reference §3.4: {@code POST /v2/wallets/mpc/vaults/{vault_id}/key_share_holder_groups}. */
public record CreateKeyShareHolderGroupRequest(
        @NotNull KeyShareHolderGroupType keyShareHolderGroupType,
        @NotNull Integer participants,
        @NotNull Integer threshold,
        @NotNull @Size(max = 10) List<@NotNull @Valid CreateKeyShareHolder> keyShareHolders) {

    /** Reference {@code CreateKeyShareHolder}: a TSS node of this platform ({@code tss_node_id} from tss.nodes). */
    public record CreateKeyShareHolder(@Size(max = 200) String name, KeyShareHolderType type,
                                       @Size(max = 200) String tssNodeId, Boolean signer) {
    }
}

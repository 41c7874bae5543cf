package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.OriginalMainGroupHandling;
import io.openwaas.wallet.domain.UpdateGroupAction;
import jakarta.validation.constraints.NotNull;

/** Reference §3.4: {@code PUT …/key_share_holder_groups/{key_share_holder_group_id}}. */
public record UpdateKeyShareHolderGroupRequest(@NotNull UpdateGroupAction updateKeyShareHolderGroupAction,
                                               OriginalMainGroupHandling originalMainGroupHandling) {
}

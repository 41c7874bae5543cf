package io.openwaas.wallet.api;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.wallet.domain.KeyShareHolderGroupStatus;
import io.openwaas.wallet.domain.KeyShareHolderGroupType;

import java.util.List;

/**
 * Reference §3.4 {@code KeyShareHolderGroup}; {@code tss_key_share_groups} is absent until the group's keys exist.
 */
public record KeyShareHolderGroup(String keyShareHolderGroupId, KeyShareHolderGroupType type,
                                  List<TssKeyShareGroup> tssKeyShareGroups, List<KeyShareHolder> keyShareHolders,
                                  int participants, int threshold, KeyShareHolderGroupStatus status,
                                  long createdTimestamp) {

    /** One root key's sharing held by the group. */
    public record TssKeyShareGroup(String tssKeyShareGroupId, CurveType curve, String rootPubkey) {
    }
}

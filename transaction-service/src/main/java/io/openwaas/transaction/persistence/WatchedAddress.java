package io.openwaas.transaction.persistence;

import java.util.UUID;

/** A row of {@code watched_address}: one of our deposit addresses and whose it is. */
public record WatchedAddress(String chainId, String addressKey, String address, UUID walletId, String orgId,
                             UUID vaultId, String walletType, String walletSubtype, String path,
                             String rootPubkey) {
}

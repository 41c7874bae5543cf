package io.openwaas.wallet.domain;

import java.util.UUID;

/** The filters of {@code GET /v2/wallets} (reference §3.3); null means "any". */
public record WalletFilter(WalletType walletType, WalletSubtype walletSubtype, UUID projectId, UUID vaultId) {
}

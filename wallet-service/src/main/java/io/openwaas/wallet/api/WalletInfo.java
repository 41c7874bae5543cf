package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.WalletSubtype;
import io.openwaas.wallet.domain.WalletType;

/** Reference §3.3 {@code MPCWalletInfo} (also the {@code CreatedWalletInfo} of an MPC wallet). */
public record WalletInfo(String walletId, WalletType walletType, WalletSubtype walletSubtype, String name,
                         String orgId, boolean enableAutoSweep, String vaultId, String projectId,
                         String projectName, String vaultName) {
}

package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.KeyShareHolderStatus;
import io.openwaas.wallet.domain.KeyShareHolderType;

/** Reference §3.4 {@code KeyShareHolder}. */
public record KeyShareHolder(String name, KeyShareHolderType type, String tssNodeId, boolean online, boolean signer,
                             KeyShareHolderStatus status, String accountId) {
}

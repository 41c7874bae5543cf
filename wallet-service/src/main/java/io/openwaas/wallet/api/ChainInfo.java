package io.openwaas.wallet.api;

/** Reference §3.2 {@code ChainInfo}. */
public record ChainInfo(String chainId, String symbol, String iconUrl, String chainIdentifier, String explorerTxUrl,
                        String explorerAddressUrl, boolean requireMemo, int confirmingThreshold, int coinbaseMaturity,
                        String caip2ChainId) {
}

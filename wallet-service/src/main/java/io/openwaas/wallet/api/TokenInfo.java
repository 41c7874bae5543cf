package io.openwaas.wallet.api;

/** Reference §3.2 {@code ExtendedTokenInfo} (= {@code TokenInfo}); amounts are decimal strings. */
public record TokenInfo(String tokenId, String chainId, String assetId, String symbol, String name, int decimal,
                        String iconUrl, String tokenAddress, String feeTokenId, boolean canDeposit,
                        boolean canWithdraw, String dustThreshold, String custodialMinimumDepositThreshold,
                        String assetModelType) {
}

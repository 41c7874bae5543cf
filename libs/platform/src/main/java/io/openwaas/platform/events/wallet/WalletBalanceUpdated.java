package io.openwaas.platform.events.wallet;

/**
 * A wallet's balance of one token changed, on {@code wallet.balance.updated}; CloudEvents type
 * {@code io.openwaas.wallet.balance.updated.v1}, key and subject = the wallet id. Produced by transaction-service
 * (the authoritative ledger), consumed by wallet-service's balance projection ({@code GET /v2/wallets/{id}/tokens}).
 *
 * <p>Each event carries the <em>whole</em> balance (not a delta), so the latest one wins: {@link #sequence} is
 * monotonic per (wallet, address, token) and a consumer ignores an event whose sequence is not above the one it has
 * applied (duplicates and late deliveries never move a balance backwards). Amounts are non-negative plain decimal
 * strings in the token's whole units ({@code "1.5"}, {@code "0"}), never JSON numbers or exponents.
 *
 * @param walletId  the wallet (UUID)
 * @param orgId     its organisation
 * @param address   the address the balance is held at; absent (null) for an account-level balance of the wallet
 * @param chainId   the token's chain, e.g. {@code ETH}
 * @param tokenId   the token, e.g. {@code ETH_USDT}
 * @param total     on-chain amount
 * @param available spendable amount
 * @param locked    amount reserved by withdrawals in progress (selected UTXOs on UTXO chains)
 * @param sequence  monotonic per (wallet, address, token), from 1
 * @param timestamp ms, when the ledger changed
 */
public record WalletBalanceUpdated(
        String walletId,
        String orgId,
        String address,
        String chainId,
        String tokenId,
        String total,
        String available,
        String locked,
        long sequence,
        long timestamp) {
}

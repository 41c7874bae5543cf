package io.openwaas.platform.events;

/**
 * CloudEvents {@code type} values: {@code io.openwaas.<aggregate>.<event>.v<N>}. A new version gets a new constant;
 * consumers ignore types they don't know.
 */
public final class EventType {

    public static final String API_KEY_UPDATED = "io.openwaas.iam.api_key.updated.v1";
    /** {@link io.openwaas.platform.events.tss.TssRequest} on {@code tss.requests}. */
    public static final String TSS_REQUEST_SUBMITTED = "io.openwaas.tss.request.submitted.v1";
    /** {@link io.openwaas.platform.events.tss.TssResult} on {@code tss.results}. */
    public static final String TSS_RESULT_REPORTED = "io.openwaas.tss.result.reported.v1";
    /** {@link io.openwaas.platform.events.tss.TssNodeInfo} on {@code tss.nodes}. */
    public static final String TSS_NODE_UPDATED = "io.openwaas.tss.node.updated.v1";
    /** {@link io.openwaas.platform.events.wallet.WalletAddressCreated} on {@code wallet.address.created}. */
    public static final String WALLET_ADDRESS_CREATED = "io.openwaas.wallet.address.created.v1";
    /** {@link io.openwaas.platform.events.wallet.WalletBalanceUpdated} on {@code wallet.balance.updated}. */
    public static final String WALLET_BALANCE_UPDATED = "io.openwaas.wallet.balance.updated.v1";

    /** {@link io.openwaas.platform.events.wallet.VaultKeys} on {@code wallet.vaults}. */
    public static final String WALLET_VAULT_KEYS_UPDATED = "io.openwaas.wallet.vault.keys.updated.v1";
    /** {@link io.openwaas.platform.events.transaction.Transaction} on {@code transaction.created}. */
    public static final String TRANSACTION_CREATED = "io.openwaas.transaction.created.v1";
    /** {@link io.openwaas.platform.events.transaction.Transaction} on {@code transaction.updated}. */
    public static final String TRANSACTION_UPDATED = "io.openwaas.transaction.updated.v1";
    /** {@link io.openwaas.platform.events.transaction.Transaction} on {@code transaction.succeeded}. */
    public static final String TRANSACTION_SUCCEEDED = "io.openwaas.transaction.succeeded.v1";
    /** {@link io.openwaas.platform.events.transaction.Transaction} on {@code transaction.failed}. */
    public static final String TRANSACTION_FAILED = "io.openwaas.transaction.failed.v1";

    private EventType() {
    }
}

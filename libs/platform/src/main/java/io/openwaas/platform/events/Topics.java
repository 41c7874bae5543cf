package io.openwaas.platform.events;

/** Kafka topic names (ARCHITECTURE.md, "Kafka topics"). The event contract of each lives in this package. */
public final class Topics {

    public static final String TRANSACTION_CREATED = "transaction.created";
    public static final String TRANSACTION_UPDATED = "transaction.updated";
    public static final String TRANSACTION_SUCCEEDED = "transaction.succeeded";
    public static final String TRANSACTION_FAILED = "transaction.failed";
    public static final String WALLET_BALANCE_UPDATED = "wallet.balance.updated";
    public static final String WALLET_ADDRESS_CREATED = "wallet.address.created";
    /** Compacted: a vault's root keys and the key share holder group that holds them. Key = the vault id. */
    public static final String WALLET_VAULTS = "wallet.vaults";
    /** Compacted: API key → organisation, scopes, status. Key = the API key. */
    public static final String IAM_API_KEYS = "iam.api-keys";
    public static final String TSS_REQUESTS = "tss.requests";
    public static final String TSS_RESULTS = "tss.results";
    public static final String TSS_PEER = "tss.peer";
    /** Compacted: TSS node announcements. */
    public static final String TSS_NODES = "tss.nodes";
    public static final String APPROVAL_REQUESTED = "approval.requested";
    public static final String APPROVAL_DECIDED = "approval.decided";
    public static final String TRAVEL_RULE_CHALLENGE_UPDATED = "travel-rule.challenge.updated";

    /** Every topic of the platform (their {@code .dlq} twins are created on first use). */
    public static final java.util.List<String> ALL = java.util.List.of(
            TRANSACTION_CREATED, TRANSACTION_UPDATED, TRANSACTION_SUCCEEDED, TRANSACTION_FAILED,
            WALLET_BALANCE_UPDATED, WALLET_ADDRESS_CREATED, WALLET_VAULTS,
            IAM_API_KEYS,
            TSS_REQUESTS, TSS_RESULTS, TSS_PEER, TSS_NODES,
            APPROVAL_REQUESTED, APPROVAL_DECIDED,
            TRAVEL_RULE_CHALLENGE_UPDATED);

    /** The compacted topics: the latest record per key is the state. */
    public static final java.util.List<String> COMPACTED = java.util.List.of(IAM_API_KEYS, TSS_NODES, WALLET_VAULTS);

    private Topics() {
    }

    /** The dead-letter twin of a topic. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}

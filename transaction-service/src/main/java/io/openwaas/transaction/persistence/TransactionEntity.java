package io.openwaas.transaction.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/** A deposit or withdrawal (table {@code txn}); {@code status} and {@code subStatus} in their wire spelling. */
@Entity
@Table(name = "txn")
public class TransactionEntity {

    @Id
    public UUID id;

    /** The list order (cursor position); set by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(name = "wallet_id", nullable = false)
    public UUID walletId;

    @Column(name = "wallet_type", nullable = false)
    public String walletType;

    @Column(name = "wallet_subtype", nullable = false)
    public String walletSubtype;

    @Column(name = "vault_id")
    public UUID vaultId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String status;

    @Column(name = "sub_status")
    public String subStatus;

    @Column(name = "failed_reason")
    public String failedReason;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "chain_id", nullable = false)
    public String chainId;

    @Column(name = "token_id", nullable = false)
    public String tokenId;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String counterparty;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "log_index", nullable = false)
    public int logIndex = -1;

    @Column(name = "block_number")
    public Long blockNumber;

    @Column(name = "block_hash")
    public String blockHash;

    @Column(name = "block_timestamp")
    public Long blockTimestamp;

    @Column(name = "confirmed_num", nullable = false)
    public int confirmedNum;

    @Column(name = "confirming_threshold", nullable = false)
    public int confirmingThreshold;

    @Column(name = "lost_block_at")
    public Long lostBlockAt;

    @Column(nullable = false)
    public long sequence;

    @Column(name = "created_timestamp", nullable = false)
    public long createdTimestamp;

    @Column(name = "updated_timestamp", nullable = false)
    public long updatedTimestamp;

    @Column(name = "request_fingerprint")
    public String requestFingerprint;

    public String description;

    @Column(name = "fee_token_id")
    public String feeTokenId;

    @Column(name = "reserved_fee")
    public BigDecimal reservedFee;

    @Column(name = "gas_limit")
    public BigInteger gasLimit;

    @Column(name = "max_fee_per_gas")
    public BigInteger maxFeePerGas;

    @Column(name = "max_priority_fee_per_gas")
    public BigInteger maxPriorityFeePerGas;

    public Long nonce;

    public String path;

    @Column(name = "root_pubkey")
    public String rootPubkey;

    @Column(name = "signer_group_id")
    public String signerGroupId;

    @Column(name = "sign_request_id")
    public String signRequestId;

    @Column(name = "sign_attempt", nullable = false)
    public int signAttempt;

    @Column(name = "unsigned_raw_tx")
    public String unsignedRawTx;

    @Column(name = "raw_tx")
    public String rawTx;

    @Column(name = "broadcast_at")
    public Long broadcastAt;

    @Column(name = "gas_used")
    public BigInteger gasUsed;

    @Column(name = "effective_gas_price")
    public BigInteger effectiveGasPrice;

    @Column(name = "fee_used")
    public BigDecimal feeUsed;
}

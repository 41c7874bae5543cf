package io.openwaas.platform.events.transaction;

import java.util.List;

/**
 * The WaaS 2.0 {@code Transaction} (reference §3.7), exactly as {@code GET /v2/transactions/{id}} shows it (without
 * its {@code timeline}): the data of the events on {@code transaction.created}, {@code transaction.updated},
 * {@code transaction.succeeded} and {@code transaction.failed} (CloudEvents types
 * {@code io.openwaas.transaction.<created|updated|succeeded|failed>.v1}, key and subject = the transaction id,
 * {@code sequence} rising by one with every event of the transaction), so webhook-service can deliver it unchanged.
 * Absent fields are omitted. Amounts are decimal strings in the token's whole units; fee amounts in the fee token's.
 *
 * <p>A deposit: {@code type} {@code Deposit}, {@code wallet_id} the receiving wallet, source
 * {@code DepositFromAddress} (the senders), destination {@code DepositToAddress}. A withdrawal: {@code type}
 * {@code Withdrawal}, source the wallet subtype ({@code Org-Controlled}), destination {@code Address}.
 */
public record Transaction(
        String transactionId,
        String coboId,
        String requestId,
        String walletId,
        TransactionType type,
        TransactionStatus status,
        String subStatus,
        String failedReason,
        String chainId,
        String tokenId,
        String assetId,
        Source source,
        Destination destination,
        Fee fee,
        String initiator,
        String initiatorType,
        Integer confirmedNum,
        Integer confirmingThreshold,
        String transactionHash,
        BlockInfo blockInfo,
        RawTxInfo rawTxInfo,
        Replacement replacement,
        List<String> category,
        String description,
        Boolean isLoop,
        long createdTimestamp,
        long updatedTimestamp) {

    /**
     * The source; which fields are set depends on {@code source_type}: {@code DepositFromAddress} has
     * {@code addresses} (and the wallet fields when the sender is one of ours); {@code Org-Controlled} has
     * {@code wallet_id}, {@code address} and {@code signer_key_share_holder_group_id}.
     */
    public record Source(String sourceType, String walletId, String walletType, String walletSubtype, String address,
                         List<String> addresses, String signerKeyShareHolderGroupId) {
    }

    /**
     * The destination: {@code DepositToAddress} has {@code wallet_id}, {@code wallet_type}, {@code wallet_subtype},
     * {@code address}, {@code amount}; {@code Address} has {@code account_output}.
     */
    public record Destination(String destinationType, String walletId, String walletType, String walletSubtype,
                              String address, String memo, String amount, AccountOutput accountOutput) {
    }

    public record AccountOutput(String address, String memo, String amount) {
    }

    /** {@code EVM_EIP_1559}: wei values as decimal strings of integers; {@code fee_used} in the fee token's units. */
    public record Fee(String feeType, String tokenId, String effectiveGasPrice, String feeUsed, String estimatedFeeUsed,
                      String gasUsed, String maxFeePerGas, String maxPriorityFeePerGas, String gasLimit) {
    }

    public record BlockInfo(Long blockNumber, Long blockTimestamp, String blockHash) {
    }

    public record RawTxInfo(Long usedNonce, String rawTx, String unsignedRawTx) {
    }

    /** Reference {@code replacement}: types {@code Drop}, {@code Resend}, {@code SpeedUp}. */
    public record Replacement(String replacedByType, String replacedByTransactionId, String replacedByTransactionHash,
                              String replacedType, String replacedTransactionId, String replacedTransactionHash) {
    }
}

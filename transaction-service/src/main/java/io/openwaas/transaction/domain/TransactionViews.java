package io.openwaas.transaction.domain;

import io.openwaas.platform.events.transaction.Transaction;
import io.openwaas.platform.events.transaction.TransactionStatus;
import io.openwaas.platform.events.transaction.TransactionType;
import io.openwaas.platform.json.WireEnum;
import io.openwaas.platform.money.Amounts;
import io.openwaas.transaction.persistence.TransactionEntity;

import java.util.List;

/** A stored transaction as the wire shows it: the same JSON in {@code GET /v2/transactions} and in the events. */
public final class TransactionViews {

    /** Deposits come from outside the platform. */
    static final String INITIATOR_EXTERNAL = "External";

    private TransactionViews() {
    }

    public static Transaction of(TransactionEntity t) {
        TransactionType type = WireEnum.parse(TransactionType.class, "type", t.type);
        String amount = Amounts.plain(t.amount);
        Transaction.Source source;
        Transaction.Destination destination;
        if (type == TransactionType.DEPOSIT) {
            source = new Transaction.Source("DepositFromAddress", null, null, null, null, List.of(t.counterparty), null);
            destination = new Transaction.Destination("DepositToAddress", t.walletId.toString(), t.walletType,
                    t.walletSubtype, t.address, null, amount, null);
        } else {
            source = new Transaction.Source(t.walletSubtype, t.walletId.toString(), null, null, t.address, null,
                    t.signerGroupId);
            destination = new Transaction.Destination("Address", null, null, null, null, null, null,
                    new Transaction.AccountOutput(t.counterparty, null, amount));
        }
        Transaction.Fee fee = type == TransactionType.DEPOSIT || t.feeTokenId == null ? null
                : new Transaction.Fee("EVM_EIP_1559", t.feeTokenId, string(t.effectiveGasPrice),
                        t.feeUsed == null ? null : Amounts.plain(t.feeUsed), Amounts.plain(t.reservedFee),
                        string(t.gasUsed), string(t.maxFeePerGas), string(t.maxPriorityFeePerGas), string(t.gasLimit));
        Transaction.RawTxInfo raw = t.nonce == null ? null
                : new Transaction.RawTxInfo(t.nonce, t.rawTx, t.unsignedRawTx);
        Transaction.BlockInfo block = t.blockNumber == null ? null
                : new Transaction.BlockInfo(t.blockNumber, t.blockTimestamp, t.blockHash);
        return new Transaction(t.id.toString(), null, t.requestId, t.walletId.toString(), type,
                WireEnum.parse(TransactionStatus.class, "status", t.status), t.subStatus, t.failedReason, t.chainId,
                t.tokenId, null, source, destination, fee, null,
                type == TransactionType.DEPOSIT ? INITIATOR_EXTERNAL : "API", t.confirmedNum, t.confirmingThreshold,
                t.txHash, block, raw, null, null, t.description, null, t.createdTimestamp, t.updatedTimestamp);
    }

    private static String string(java.math.BigInteger v) {
        return v == null ? null : v.toString();
    }
}

package io.openwaas.platform.events.transaction;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 TransactionType. */
public enum TransactionType implements WireEnum {
    @JsonProperty("Deposit") DEPOSIT,
    @JsonProperty("Withdrawal") WITHDRAWAL,
    @JsonProperty("ContractCall") CONTRACT_CALL,
    @JsonProperty("MessageSign") MESSAGE_SIGN,
    @JsonProperty("ExternalSafeTx") EXTERNAL_SAFE_TX,
    @JsonProperty("Stake") STAKE,
    @JsonProperty("Unstake") UNSTAKE;
}

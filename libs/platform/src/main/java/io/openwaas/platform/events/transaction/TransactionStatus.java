package io.openwaas.platform.events.transaction;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 TransactionStatus. {@code Completed}, {@code Failed} and {@code Rejected} are final. */
public enum TransactionStatus implements WireEnum {
    @JsonProperty("Submitted") SUBMITTED,
    @JsonProperty("PendingScreening") PENDING_SCREENING,
    @JsonProperty("PendingAuthorization") PENDING_AUTHORIZATION,
    @JsonProperty("PendingSignature") PENDING_SIGNATURE,
    @JsonProperty("Broadcasting") BROADCASTING,
    @JsonProperty("Confirming") CONFIRMING,
    @JsonProperty("Completed") COMPLETED,
    @JsonProperty("Failed") FAILED,
    @JsonProperty("Rejected") REJECTED,
    @JsonProperty("Pending") PENDING;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == REJECTED;
    }
}

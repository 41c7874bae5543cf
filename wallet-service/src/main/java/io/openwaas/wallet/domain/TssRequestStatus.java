package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/**
 * Reference §4 TSSRequestStatus. A request starts {@code PendingKeyHolderConfirmation}, goes {@code KeyGenerating}
 * once every holder confirmed, and ends {@code Success}, {@code KeyHolderConfirmationFailed} (a holder rejected, or
 * the client cancelled) or {@code KeyGeneratingFailed}. {@code MPCProcessing} is never used by this platform.
 */
public enum TssRequestStatus implements WireEnum {
    @JsonProperty("PendingKeyHolderConfirmation") PENDING_KEY_HOLDER_CONFIRMATION,
    @JsonProperty("KeyHolderConfirmationFailed") KEY_HOLDER_CONFIRMATION_FAILED,
    @JsonProperty("KeyGenerating") KEY_GENERATING,
    @JsonProperty("MPCProcessing") MPC_PROCESSING,
    @JsonProperty("KeyGeneratingFailed") KEY_GENERATING_FAILED,
    @JsonProperty("Success") SUCCESS;

    /** Not yet decided: reports still change it. */
    public boolean active() {
        return this == PENDING_KEY_HOLDER_CONFIRMATION || this == KEY_GENERATING || this == MPC_PROCESSING;
    }
}

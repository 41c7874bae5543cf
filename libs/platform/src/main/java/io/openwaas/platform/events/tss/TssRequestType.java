package io.openwaas.platform.events.tss;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three TSS commands, with their seed-003 callback {@code request_type} codes (0 is the node's Ping). */
public enum TssRequestType {
    @JsonProperty("KeyGen") KEY_GEN(1),
    @JsonProperty("KeySign") KEY_SIGN(2),
    @JsonProperty("KeyReshare") KEY_RESHARE(3);

    private final int callbackCode;

    TssRequestType(int callbackCode) {
        this.callbackCode = callbackCode;
    }

    public int callbackCode() {
        return callbackCode;
    }
}

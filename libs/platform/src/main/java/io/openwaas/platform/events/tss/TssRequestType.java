package io.openwaas.platform.events.tss;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The TSS commands, with their seed-003 callback {@code request_type} codes (0 is the node's Ping). {@code Cancel}
 * names the request to stop by its request id (the record key too, so it follows that request on its partition); it
 * has no payload and never goes to a callback server (code -1).
 */
public enum TssRequestType {
    @JsonProperty("KeyGen") KEY_GEN(1),
    @JsonProperty("KeySign") KEY_SIGN(2),
    @JsonProperty("KeyReshare") KEY_RESHARE(3),
    @JsonProperty("Cancel") CANCEL(-1);

    private final int callbackCode;

    TssRequestType(int callbackCode) {
        this.callbackCode = callbackCode;
    }

    public int callbackCode() {
        return callbackCode;
    }
}

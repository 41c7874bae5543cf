package io.openwaas.platform.events.tss;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one node reports about one request. {@code Confirmed}: its callback server approved and it takes part;
 * {@code Rejected}: its callback server rejected (or never answered), {@code error} says why; {@code Succeeded} and
 * {@code Failed} are terminal, and so is {@code Cancelled}: the node stopped the request on a {@code Cancel} command
 * (a cancelled key generation stores no key, a cancelled reshare keeps the old shares). A node reports each request at
 * most once per status.
 */
public enum TssResultStatus {
    @JsonProperty("Confirmed") CONFIRMED,
    @JsonProperty("Rejected") REJECTED,
    @JsonProperty("Succeeded") SUCCEEDED,
    @JsonProperty("Failed") FAILED,
    @JsonProperty("Cancelled") CANCELLED;

    public boolean terminal() {
        return this != CONFIRMED;
    }
}

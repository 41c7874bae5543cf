package io.openwaas.platform.events.tss;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one node reports about one request. {@code Confirmed}: its callback server approved and it takes part;
 * {@code Rejected}: its callback server rejected (or never answered), {@code error} says why; {@code Succeeded} and
 * {@code Failed} are terminal. A node reports each request at most once per status.
 */
public enum TssResultStatus {
    @JsonProperty("Confirmed") CONFIRMED,
    @JsonProperty("Rejected") REJECTED,
    @JsonProperty("Succeeded") SUCCEEDED,
    @JsonProperty("Failed") FAILED;

    public boolean terminal() {
        return this != CONFIRMED;
    }
}

package io.openwaas.platform.events.tss;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A node's own view of itself, announced on {@code tss.nodes}. */
public enum TssNodeStatus {
    @JsonProperty("Online") ONLINE,
    @JsonProperty("Offline") OFFLINE
}

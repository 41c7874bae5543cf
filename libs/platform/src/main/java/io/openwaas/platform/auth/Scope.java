package io.openwaas.platform.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an API key may do (ARCHITECTURE.md, "Identity and access"). */
public enum Scope {
    /** GET requests. */
    @JsonProperty("read") READ,
    /** Creating and changing resources. */
    @JsonProperty("write") WRITE,
    /** Value-moving requests: transfers, signing. */
    @JsonProperty("spend") SPEND;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Reference §4 MPCVaultType. */
public enum MpcVaultType implements WireEnum {
    @JsonProperty("Org-Controlled") ORG_CONTROLLED("Org-Controlled"),
    @JsonProperty("User-Controlled") USER_CONTROLLED("User-Controlled");

    private final String wire;

    MpcVaultType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}

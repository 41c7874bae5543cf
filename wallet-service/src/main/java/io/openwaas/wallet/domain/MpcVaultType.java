package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 MPCVaultType. */
public enum MpcVaultType implements WireEnum {
    @JsonProperty("Org-Controlled") ORG_CONTROLLED,
    @JsonProperty("User-Controlled") USER_CONTROLLED;
}

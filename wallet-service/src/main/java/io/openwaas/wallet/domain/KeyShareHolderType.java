package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 KeyShareHolderType. The platform's own TSS nodes are listed as {@code Cobo}. */
public enum KeyShareHolderType implements WireEnum {
    @JsonProperty("Cobo") COBO,
    @JsonProperty("Mobile") MOBILE,
    @JsonProperty("API") API;
}

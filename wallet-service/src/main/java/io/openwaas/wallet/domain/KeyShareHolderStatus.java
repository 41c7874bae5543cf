package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 KeyShareHolderStatus. */
public enum KeyShareHolderStatus implements WireEnum {
    @JsonProperty("Valid") VALID,
    @JsonProperty("NotConfigured") NOT_CONFIGURED,
    @JsonProperty("NotActivated") NOT_ACTIVATED,
    @JsonProperty("Changed") CHANGED;
}

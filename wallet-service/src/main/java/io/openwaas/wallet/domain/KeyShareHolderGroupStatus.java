package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/**
 * Reference §4 KeyShareHolderGroupStatus: {@code New} until its keys are generated (or reshared to it), then
 * {@code Valid}; {@code Unavailable} once replaced as Main Group with handling {@code Invalidate}.
 */
public enum KeyShareHolderGroupStatus implements WireEnum {
    @JsonProperty("New") NEW,
    @JsonProperty("Valid") VALID,
    @JsonProperty("Unavailable") UNAVAILABLE;
}

package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 KeyShareHolderGroupType. */
public enum KeyShareHolderGroupType implements WireEnum {
    @JsonProperty("MainGroup") MAIN_GROUP,
    @JsonProperty("SigningGroup") SIGNING_GROUP,
    @JsonProperty("RecoveryGroup") RECOVERY_GROUP;
}

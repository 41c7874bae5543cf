package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 UpdateGroupAction. */
public enum UpdateGroupAction implements WireEnum {
    @JsonProperty("UpgradeToMainGroup") UPGRADE_TO_MAIN_GROUP;
}

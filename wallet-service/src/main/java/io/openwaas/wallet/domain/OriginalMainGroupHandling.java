package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 OriginalMainGroupHandling: what becomes of the Main Group a Signing Group replaces. */
public enum OriginalMainGroupHandling implements WireEnum {
    @JsonProperty("Invalidate") INVALIDATE,
    @JsonProperty("ConvertToSigningGroup") CONVERT_TO_SIGNING_GROUP;
}

package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/**
 * Reference §4 TSSRequestType (the API's; the nodes' command types are
 * {@link io.openwaas.platform.events.tss.TssRequestType}).
 */
public enum TssRequestType implements WireEnum {
    @JsonProperty("KeyGen") KEY_GEN,
    @JsonProperty("KeyGenFromKeyGroup") KEY_GEN_FROM_KEY_GROUP,
    @JsonProperty("Recovery") RECOVERY;
}

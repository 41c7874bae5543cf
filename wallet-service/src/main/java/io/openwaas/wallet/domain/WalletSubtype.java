package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 WalletSubtype. */
public enum WalletSubtype implements WireEnum {
    @JsonProperty("Asset") ASSET,
    @JsonProperty("Web3") WEB3,
    @JsonProperty("Org-Controlled") ORG_CONTROLLED,
    @JsonProperty("User-Controlled") USER_CONTROLLED,
    @JsonProperty("Safe{Wallet}") SAFE_WALLET,
    @JsonProperty("Main") MAIN,
    @JsonProperty("Sub") SUB;
}

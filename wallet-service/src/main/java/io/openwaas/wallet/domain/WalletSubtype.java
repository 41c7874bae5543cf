package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Reference §4 WalletSubtype. */
public enum WalletSubtype implements WireEnum {
    @JsonProperty("Asset") ASSET("Asset"),
    @JsonProperty("Web3") WEB3("Web3"),
    @JsonProperty("Org-Controlled") ORG_CONTROLLED("Org-Controlled"),
    @JsonProperty("User-Controlled") USER_CONTROLLED("User-Controlled"),
    @JsonProperty("Safe{Wallet}") SAFE_WALLET("Safe{Wallet}"),
    @JsonProperty("Main") MAIN("Main"),
    @JsonProperty("Sub") SUB("Sub");

    private final String wire;

    WalletSubtype(String wire) {
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

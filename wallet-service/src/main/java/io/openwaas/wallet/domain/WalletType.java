package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Reference §4 WalletType. This platform creates MPC wallets; the others are recognised and refused clearly. */
public enum WalletType implements WireEnum {
    @JsonProperty("Custodial") CUSTODIAL("Custodial"),
    @JsonProperty("MPC") MPC("MPC"),
    @JsonProperty("SmartContract") SMART_CONTRACT("SmartContract"),
    @JsonProperty("Exchange") EXCHANGE("Exchange");

    private final String wire;

    WalletType(String wire) {
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

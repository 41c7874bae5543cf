package io.openwaas.wallet.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openwaas.platform.json.WireEnum;

/** Reference §4 WalletType. This platform creates MPC wallets; the others are recognised and refused clearly. */
public enum WalletType implements WireEnum {
    @JsonProperty("Custodial") CUSTODIAL,
    @JsonProperty("MPC") MPC,
    @JsonProperty("SmartContract") SMART_CONTRACT,
    @JsonProperty("Exchange") EXCHANGE;
}

package io.openwaas.platform.events.tss;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The curve of a root key: reference CurveType, with the numeric codes of seed 003 ({@code 0} and {@code 2}). */
public enum TssCurve {
    @JsonProperty("SECP256K1") SECP256K1(0),
    @JsonProperty("ED25519") ED25519(2);

    private final int callbackCode;

    TssCurve(int callbackCode) {
        this.callbackCode = callbackCode;
    }

    /** The {@code curve} value of a seed-003 callback request detail. */
    public int callbackCode() {
        return callbackCode;
    }
}

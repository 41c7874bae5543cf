package io.openwaas.platform.events.tss;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Signature type of a KeySign (Cobo TSSSignatureType 1/2/3). The protocol follows from it: ECDSA → two-party ECDSA
 * on secp256k1 (Cobo TSSProtocol 2, Lindell); EdDSA → FROST(Ed25519) (3, EDDSA); Schnorr → FROST for BIP-340.
 */
public enum TssSignatureType {
    @JsonProperty("ECDSA") ECDSA(1, TssCurve.SECP256K1, 2),
    @JsonProperty("EdDSA") EDDSA(2, TssCurve.ED25519, 3),
    @JsonProperty("Schnorr") SCHNORR(3, TssCurve.SECP256K1, 0);

    private final int callbackCode;
    private final TssCurve curve;
    private final int protocolCode;

    TssSignatureType(int callbackCode, TssCurve curve, int protocolCode) {
        this.callbackCode = callbackCode;
        this.curve = curve;
        this.protocolCode = protocolCode;
    }

    /** Seed 003 {@code signature_type}. */
    public int callbackCode() {
        return callbackCode;
    }

    /** The curve whose root key signs. */
    public TssCurve curve() {
        return curve;
    }

    /** Seed 003 {@code tss_protocol}: 2 Lindell, 3 EDDSA, 0 Unknown (FROST-BIP-340 has no Cobo code). */
    public int protocolCode() {
        return protocolCode;
    }
}

package io.openwaas.wallet.api;

/**
 * Reference §3.6 {@code TokenBalance}: amounts are decimal strings in the token's whole units.
 */
public record TokenBalance(String tokenId, Balance balance) {

    /** {@code Balance}: {@code pending} and {@code frozen} are not reported (the SDKs default them to "0"). */
    public record Balance(String total, String available, String locked) {
    }
}

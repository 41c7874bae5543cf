package io.openwaas.wallet.api;

/** Reference §3.5: validity answers. */
public final class AddressValidity {

    private AddressValidity() {
    }

    public record Single(boolean validity) {
    }

    public record OfAddress(String address, boolean validity) {
    }

    public record OfChain(String chainId, boolean validity) {
    }
}

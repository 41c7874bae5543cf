package io.openwaas.crypto.address;

/** Address encodings, named after Cobo WaaS 2.0's {@code AddressEncoding} values where one exists. */
public enum AddressEncoding {
    /** Bitcoin pay-to-public-key-hash (compressed key), {@code ENCODING_P2PKH}. */
    P2PKH("ENCODING_P2PKH"),
    /** BIP-49 nested segwit, {@code ENCODING_P2SH_P2WPKH}. */
    P2SH_P2WPKH("ENCODING_P2SH_P2WPKH"),
    /** BIP-84 native segwit v0 (Bech32), {@code ENCODING_BECH32}. */
    P2WPKH("ENCODING_BECH32"),
    /** BIP-86 taproot key path (Bech32m, tweaked output key), {@code ENCODING_P2TR}. */
    P2TR("ENCODING_P2TR"),
    /** The chain's only encoding (EVM EIP-55, TRON base58check, Solana base58), {@code ENCODING_DEFAULT}. */
    DEFAULT("ENCODING_DEFAULT");

    private final String coboName;

    AddressEncoding(String coboName) {
        this.coboName = coboName;
    }

    /** The WaaS 2.0 wire name. */
    public String coboName() {
        return coboName;
    }

    /** Parses a WaaS 2.0 wire name. */
    public static AddressEncoding ofCoboName(String name) {
        for (AddressEncoding e : values()) {
            if (e.coboName.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unsupported address encoding " + name);
    }
}

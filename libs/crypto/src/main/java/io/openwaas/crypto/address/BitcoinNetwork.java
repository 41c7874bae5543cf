package io.openwaas.crypto.address;

/** Bitcoin address parameters. */
public enum BitcoinNetwork {
    MAINNET("bc", 0x00, 0x05),
    /** testnet3/testnet4 and signet. */
    TESTNET("tb", 0x6f, 0xc4),
    REGTEST("bcrt", 0x6f, 0xc4);

    public final String hrp;
    public final int p2pkhVersion;
    public final int p2shVersion;

    BitcoinNetwork(String hrp, int p2pkhVersion, int p2shVersion) {
        this.hrp = hrp;
        this.p2pkhVersion = p2pkhVersion;
        this.p2shVersion = p2shVersion;
    }
}

package io.openwaas.crypto.hd;

/** Known BIP-32 / SLIP-132 extended-key version bytes (public, private pairs). */
public enum Bip32Version {
    XPUB(0x0488B21E, 0x0488ADE4, false),
    TPUB(0x043587CF, 0x04358394, true),
    /** BIP-49 mainnet (P2SH-P2WPKH). */
    YPUB(0x049D7CB2, 0x049D7878, false),
    /** BIP-49 testnet. */
    UPUB(0x044A5262, 0x044A4E28, true),
    /** BIP-84 mainnet (P2WPKH). */
    ZPUB(0x04B24746, 0x04B2430C, false),
    /** BIP-84 testnet. */
    VPUB(0x045F1CF6, 0x045F18BC, true);

    public final int publicVersion;
    public final int privateVersion;
    public final boolean testnet;

    Bip32Version(int publicVersion, int privateVersion, boolean testnet) {
        this.publicVersion = publicVersion;
        this.privateVersion = privateVersion;
        this.testnet = testnet;
    }

    /** The family of a version number, or null when unknown. */
    public static Bip32Version of(int version) {
        for (Bip32Version v : values()) {
            if (v.publicVersion == version || v.privateVersion == version) {
                return v;
            }
        }
        return null;
    }

    /** Whether {@code version} is a known private-key version. */
    public static boolean isPrivate(int version) {
        Bip32Version v = of(version);
        return v != null && v.privateVersion == version;
    }
}

package io.openwaas.crypto.address;

/** Address families. */
public enum ChainFamily {
    BITCOIN, EVM, TRON, SOLANA
}

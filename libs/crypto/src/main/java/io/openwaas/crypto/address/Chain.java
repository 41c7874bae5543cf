package io.openwaas.crypto.address;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chain id (Cobo WaaS 2.0 symbol) and what address derivation needs to know about it.
 *
 * @param id       the chain id, e.g. {@code BTC}
 * @param family   the address family
 * @param bitcoin  Bitcoin network parameters (null for other families)
 * @param evmChainId EIP-155 chain id (0 when not EVM)
 */
public record Chain(String id, ChainFamily family, BitcoinNetwork bitcoin, long evmChainId) {

    private static final Map<String, Chain> KNOWN = new LinkedHashMap<>();

    static {
        add(new Chain("BTC", ChainFamily.BITCOIN, BitcoinNetwork.MAINNET, 0));
        add(new Chain("XTN", ChainFamily.BITCOIN, BitcoinNetwork.TESTNET, 0));
        add(new Chain("SIGNET_BTC", ChainFamily.BITCOIN, BitcoinNetwork.TESTNET, 0));
        add(new Chain("REGTEST_BTC", ChainFamily.BITCOIN, BitcoinNetwork.REGTEST, 0));
        add(new Chain("ETH", ChainFamily.EVM, null, 1));
        add(new Chain("SETH", ChainFamily.EVM, null, 11155111));
        add(new Chain("BSC_BNB", ChainFamily.EVM, null, 56));
        add(new Chain("BASE_ETH", ChainFamily.EVM, null, 8453));
        add(new Chain("ARBITRUM_ETH", ChainFamily.EVM, null, 42161));
        add(new Chain("OPT_ETH", ChainFamily.EVM, null, 10));
        add(new Chain("MATIC", ChainFamily.EVM, null, 137));
        add(new Chain("AVAXC", ChainFamily.EVM, null, 43114));
        add(new Chain("DEV_ETH", ChainFamily.EVM, null, 31337)); // a local dev node (anvil, hardhat)
        add(new Chain("TRON", ChainFamily.TRON, null, 0));
        add(new Chain("SOL", ChainFamily.SOLANA, null, 0));
    }

    private static void add(Chain c) {
        KNOWN.put(c.id(), c);
    }

    /**
     * The chain for an id: the built-in ids above, plus any {@code EVM:<decimal chain id>} (every EVM chain shares
     * the address format).
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static Chain of(String id) {
        Chain c = KNOWN.get(id);
        if (c != null) {
            return c;
        }
        if (id != null && id.startsWith("EVM:")) {
            try {
                return new Chain(id, ChainFamily.EVM, null, Long.parseLong(id.substring(4)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad EVM chain id " + id);
            }
        }
        throw new IllegalArgumentException("unknown chain id " + id);
    }

    /** The built-in chain ids. */
    public static java.util.Set<String> knownIds() {
        return java.util.Collections.unmodifiableSet(KNOWN.keySet());
    }

    /** The encodings this chain supports. */
    public java.util.List<AddressEncoding> encodings() {
        return family == ChainFamily.BITCOIN
                ? java.util.List.of(AddressEncoding.P2PKH, AddressEncoding.P2SH_P2WPKH, AddressEncoding.P2WPKH,
                        AddressEncoding.P2TR)
                : java.util.List.of(AddressEncoding.DEFAULT);
    }
}

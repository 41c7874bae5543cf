package io.openwaas.wallet.domain;

import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.address.Chain;
import io.openwaas.crypto.address.ChainFamily;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.Ed25519ExtendedPublicKey;
import io.openwaas.crypto.hd.ExtendedPublicKey;
import io.openwaas.crypto.util.Hex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deposit addresses from a vault's root extended public key, with no TSS round (pure computation).
 *
 * <h2>Path scheme</h2>
 * Every address is at {@code m/44/<coin type>/<account>/0/<index>} relative to the vault's root extended public key,
 * <b>all indices non-hardened</b>, so anyone holding the root {@code xpub} / {@code cpub} can re-derive it, and the
 * TSS nodes sign for it by adding the path's public tweak to their shares:
 * <ul>
 *   <li>coin type per chain family ({@link Family}): Bitcoin {@code 0} (BTC and its test networks alike), EVM
 *   {@code 60} (one counter for every EVM chain: an EVM address works on all of them, but is recorded for the chain
 *   it was created for), TRON {@code 195}, Solana {@code 501};</li>
 *   <li>{@code <account>}: the wallet's number in its vault, allocated with its first address and never changed
 *   (unique per vault);</li>
 *   <li>{@code 0}: the external chain of BIP-44;</li>
 *   <li>{@code <index>}: the wallet's counter for the family, allocated in the transaction that stores the
 *   addresses, so an index is never used twice nor skipped. On Bitcoin chains every encoding draws from the same
 *   counter: one key, one address.</li>
 * </ul>
 * secp256k1 chains use BIP-32 CKDpub ({@link ExtendedPublicKey#derive}); Solana uses Cobo's non-hardened ed25519
 * scheme ({@link Ed25519ExtendedPublicKey#derive}). Examples: {@code m/44/0/3/0/17} (BTC), {@code m/44/60/3/0/0}
 * (ETH), {@code m/44/501/3/0/2} (SOL).
 */
public final class AddressDerivation {

    /** A chain family: one BIP-44 coin type and one index counter per wallet. */
    public enum Family {
        BITCOIN(0), EVM(60), TRON(195), SOLANA(501);

        public final int coinType;

        Family(int coinType) {
            this.coinType = coinType;
        }

        public static Family of(String chainId) {
            ChainFamily f = Chain.of(chainId).family();
            return switch (f) {
                case BITCOIN -> BITCOIN;
                case EVM -> EVM;
                case TRON -> TRON;
                case SOLANA -> SOLANA;
            };
        }

        /** Whether addresses of this family come from the ed25519 root key (else secp256k1). */
        public boolean ed25519() {
            return this == SOLANA;
        }
    }

    /**
     * One derived address.
     *
     * @param index       the address index (last path component)
     * @param address     the address
     * @param path        e.g. {@code m/44/0/3/0/17}
     * @param pubkey      hex: compressed secp256k1 child key, or the 32-byte ed25519 child key
     * @param xOnlyPubkey P2TR only: hex of the internal key's x coordinate
     */
    public record Derived(int index, String address, String path, String pubkey, String xOnlyPubkey) {
    }

    private static final int CACHE_LIMIT = 4096;
    /** The external-chain nodes {@code m/44/<coin>/<account>/0}: four derivations saved per request. */
    private static final Map<String, Object> CHAIN_NODES = new ConcurrentHashMap<>();

    private AddressDerivation() {
    }

    /** The path of an address. */
    public static String path(Family family, int account, long index) {
        return "m/44/" + family.coinType + "/" + account + "/0/" + index;
    }

    /**
     * Derives {@code count} consecutive addresses from {@code firstIndex}.
     *
     * @param rootPubkey the vault's root key of the family's curve ({@code xpub…} or {@code cpub…})
     * @throws IllegalArgumentException if the root key cannot be parsed or an index would be hardened
     */
    public static List<Derived> derive(String rootPubkey, String chainId, AddressEncoding encoding, int account,
                                       long firstIndex, int count) {
        Family family = Family.of(chainId);
        if (account < 0 || firstIndex < 0 || firstIndex + count > (1L << 31)) {
            throw new IllegalArgumentException("address indices exhausted");
        }
        List<Derived> out = new ArrayList<>(count);
        if (family.ed25519()) {
            Ed25519ExtendedPublicKey node = (Ed25519ExtendedPublicKey) chainNode(rootPubkey, family, account);
            for (int i = 0; i < count; i++) {
                int index = (int) (firstIndex + i);
                Ed25519ExtendedPublicKey child = node.derive(index);
                out.add(new Derived(index, Addresses.of(chainId, encoding, child.publicKey()),
                        path(family, account, index), Hex.encode(child.publicKey().encode()), null));
            }
        } else {
            ExtendedPublicKey node = (ExtendedPublicKey) chainNode(rootPubkey, family, account);
            for (int i = 0; i < count; i++) {
                int index = (int) (firstIndex + i);
                Secp256k1Point key = node.derive(index).publicKey();
                out.add(new Derived(index, Addresses.of(chainId, encoding, key), path(family, account, index),
                        Hex.encode(key.encode()), encoding == AddressEncoding.P2TR ? Hex.encode(key.xOnly()) : null));
            }
        }
        return out;
    }

    private static Object chainNode(String rootPubkey, Family family, int account) {
        String key = rootPubkey + "/" + family.coinType + "/" + account;
        Object node = CHAIN_NODES.get(key);
        if (node == null) {
            DerivationPath path = new DerivationPath(new int[] {44, family.coinType, account, 0});
            node = family.ed25519()
                    ? Ed25519ExtendedPublicKey.parse(rootPubkey).derive(path)
                    : ExtendedPublicKey.parse(rootPubkey).derive(path);
            if (CHAIN_NODES.size() >= CACHE_LIMIT) {
                CHAIN_NODES.clear();
            }
            CHAIN_NODES.put(key, node);
        }
        return node;
    }
}

package io.openwaas.transaction.domain;

import io.openwaas.crypto.address.AddressEncoding;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.crypto.hd.DerivationPath;
import io.openwaas.crypto.hd.ExtendedPublicKey;

import java.util.Locale;

/**
 * An address is watched (and later signed for) only if it really derives from its vault's root key along its path:
 * a record on {@code wallet.address.created} naming someone else's address as ours is refused. secp256k1 (BIP-32
 * {@code xpub}) chains only, for now.
 */
public final class AddressProof {

    private AddressProof() {
    }

    /** @throws IllegalArgumentException naming what does not hold */
    public static void check(String chainId, String encoding, String rootPubkey, String path, String address) {
        ExtendedPublicKey root;
        try {
            root = ExtendedPublicKey.parse(rootPubkey);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("root_pubkey is not a BIP-32 extended public key");
        }
        DerivationPath p;
        try {
            p = DerivationPath.parse(path);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("path " + path + " is not a derivation path");
        }
        if (!p.isPublic()) {
            throw new IllegalArgumentException("path " + path + " has hardened steps");
        }
        String derived = Addresses.of(chainId, AddressEncoding.ofCoboName(encoding), root.derive(p).publicKey());
        if (!derived.toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("address " + address + " does not derive from the root key at " + path);
        }
    }
}

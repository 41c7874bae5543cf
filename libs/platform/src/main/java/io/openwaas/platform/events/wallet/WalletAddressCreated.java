package io.openwaas.platform.events.wallet;

import java.util.List;

/**
 * Addresses wallet-service derived for a wallet in one {@code POST /v2/wallets/{wallet_id}/addresses} (one event per
 * batch) on {@code wallet.address.created}; CloudEvents type {@code io.openwaas.wallet.address.created.v1}, key and
 * subject = the wallet id, {@code sequence} = the wallet's address batch number (1, 2, ...). Consumers (the chain
 * watchers of transaction-service) watch these addresses for deposits and sign for them under
 * {@code root_pubkey} + {@link Address#path}.
 *
 * @param walletId   the wallet (UUID)
 * @param orgId      its organisation
 * @param vaultId    the vault whose root key the addresses come from
 * @param walletType    the wallet's type (WaaS 2.0 WalletType, e.g. {@code MPC}), shown in deposits' destination
 * @param walletSubtype the wallet's subtype (WalletSubtype, e.g. {@code Org-Controlled})
 * @param chainId    the chain the addresses were recorded for, e.g. {@code BTC}, {@code ETH}
 * @param encoding   the address encoding (WaaS 2.0 name, e.g. {@code ENCODING_BECH32}, {@code ENCODING_DEFAULT})
 * @param rootPubkey the vault's root extended public key the paths are relative to: BIP-32 {@code xpub}
 *                   (secp256k1 chains) or Cobo {@code cpub} (ed25519 chains)
 * @param addresses  the new addresses, in index order
 * @param timestamp  ms
 */
public record WalletAddressCreated(
        String walletId,
        String orgId,
        String vaultId,
        String walletType,
        String walletSubtype,
        String chainId,
        String encoding,
        String rootPubkey,
        List<Address> addresses,
        long timestamp) {

    /**
     * One address.
     *
     * @param address     as shown to clients (EIP-55 for EVM)
     * @param path        non-hardened derivation path from {@code root_pubkey}, e.g. {@code m/44/0/3/0/17}
     * @param pubkey      hex: the child public key (33-byte compressed secp256k1, or 32-byte ed25519)
     * @param xOnlyPubkey P2TR only: hex of the 32-byte x coordinate of the internal (untweaked) key; else absent
     */
    public record Address(String address, String path, String pubkey, String xOnlyPubkey) {
    }
}

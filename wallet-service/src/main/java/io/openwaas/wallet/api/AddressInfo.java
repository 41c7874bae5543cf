package io.openwaas.wallet.api;

/**
 * Reference §3.5 {@code AddressInfo} of an MPC address. {@code path} is relative to {@code root_pubkey} with every
 * index non-hardened, so anyone holding the vault's root extended public key can re-derive {@code pubkey} and the
 * address. For P2TR: {@code x_only_pubkey} is the internal key's x coordinate and {@code taproot_internal_address}
 * the key-path address itself (it has no script tree). {@code memo} is never set (no chain here needs one).
 */
public record AddressInfo(String address, String chainId, String memo, String path, String encoding, String pubkey,
                          String xOnlyPubkey, String rootPubkey, String taprootScriptTreeHash,
                          String taprootInternalAddress) {
}

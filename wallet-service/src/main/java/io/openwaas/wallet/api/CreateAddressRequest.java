package io.openwaas.wallet.api;

import java.util.List;

/**
 * Reference §3.5 {@code CreateAddressRequest}. {@code count} 1–1000 (the reference says 1–50; this platform allows
 * more), default 1; {@code encoding} defaults to the chain's default encoding in the catalogue. Tweaked Taproot
 * addresses (a non-empty {@code taproot_script_tree_hashes}, or a {@code taproot_internal_address}) are not supported
 * yet; an empty list, as the Java SDK sends, means "not requested".
 */
public record CreateAddressRequest(
        String chainId,
        Integer count,
        List<String> taprootScriptTreeHashes,
        String taprootInternalAddress,
        String encoding) {
}

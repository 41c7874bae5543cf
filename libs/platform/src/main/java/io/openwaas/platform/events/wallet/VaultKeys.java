package io.openwaas.platform.events.wallet;

import java.util.List;

/**
 * A vault's keys and who holds them, on the compacted topic {@code wallet.vaults} (key = the vault id; CloudEvents
 * type {@code io.openwaas.wallet.vault.keys.updated.v1}; {@code sequence} rises with every change of the vault's
 * keys). wallet-service publishes it when a key generation, reshare or recovery makes a key share holder group
 * Valid; the latest record per vault is the state. transaction-service signs a vault's withdrawals with the group
 * named here (unless the request names another of the vault's groups).
 *
 * @param vaultId             the vault (UUID)
 * @param orgId               its organisation
 * @param rootPubkeySecp256k1 the secp256k1 root extended public key ({@code xpub}) addresses derive from
 * @param rootPubkeyEd25519   the ed25519 root extended public key ({@code cpub})
 * @param groupId             the Valid key share holder group that holds the keys now
 * @param groupType           its type ({@code MainGroup}, {@code SigningGroup}, {@code RecoveryGroup})
 * @param threshold           t of t-of-n
 * @param nodeIds             the holders (TSS node ids)
 * @param version             the vault's key state version (the event sequence)
 * @param timestamp           ms
 */
public record VaultKeys(
        String vaultId,
        String orgId,
        String rootPubkeySecp256k1,
        String rootPubkeyEd25519,
        String groupId,
        String groupType,
        int threshold,
        List<String> nodeIds,
        long version,
        long timestamp) {
}

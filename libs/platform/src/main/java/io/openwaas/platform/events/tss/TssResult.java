package io.openwaas.platform.events.tss;

import java.util.List;

/**
 * One node's report on {@code tss.results} (key = {@link #requestId}; CloudEvents type
 * {@code io.openwaas.tss.result.reported.v1}). Requesters decide from the reports: a KeyGen or KeyReshare succeeded
 * when every holder reported {@code Succeeded} with the same keys; a KeySign when a report carries the signatures.
 *
 * @param requestId  the TSS request id
 * @param type       the request's type
 * @param nodeId     the reporting node
 * @param status     see {@link TssResultStatus}
 * @param error      why (Rejected / Failed): the callback server's error, a timeout, or the protocol abort
 * @param culprits   node ids a protocol abort blamed, if any
 * @param keys       KeyGen / KeyReshare: the keys this node now holds a share of
 * @param signatures KeySign: in the order of the request's message list (only the node that assembled them)
 * @param timestamp  ms
 */
public record TssResult(
        String requestId,
        TssRequestType type,
        String nodeId,
        TssResultStatus status,
        String error,
        List<String> culprits,
        List<Key> keys,
        List<Signature> signatures,
        long timestamp) {

    /**
     * A root key as key generation made it (or reshare kept it).
     *
     * @param curve      the curve
     * @param groupId    the holder group
     * @param publicKey  hex: 33-byte compressed secp256k1 point or 32-byte ed25519 point
     * @param rootPubkey the root extended public key: BIP-32 {@code xpub} (secp256k1) or Cobo {@code cpub} (ed25519)
     * @param keyId      hex id of this sharing (changes with every reshare)
     * @param threshold  t
     * @param nodeIds    the holders
     */
    public record Key(TssCurve curve, String groupId, String publicKey, String rootPubkey, String keyId,
                      int threshold, List<String> nodeIds) {
    }

    /**
     * One signature.
     *
     * @param msgHash    the signed hash / message, hex, as requested
     * @param bip32Path  the path it was signed under
     * @param publicKey  hex of the (child) public key that verifies it: compressed for ECDSA, x-only (32 bytes) for
     *                   Schnorr, 32 bytes for EdDSA
     * @param signature  hex: {@code r ‖ s} (64 bytes, low s) for ECDSA, 64 bytes for EdDSA and BIP-340
     * @param recoveryId ECDSA only: 0 or 1
     */
    public record Signature(String msgHash, String bip32Path, String publicKey, String signature, Integer recoveryId) {
    }
}

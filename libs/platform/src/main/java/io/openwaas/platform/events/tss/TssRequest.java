package io.openwaas.platform.events.tss;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A command on {@code tss.requests} (key = {@link #requestId}; CloudEvents type
 * {@code io.openwaas.tss.request.submitted.v1}). Exactly one of {@link #keyGen}, {@link #keySign},
 * {@link #keyReshare} is set, matching {@link #type}; none for a {@code Cancel} (see {@link #cancel}). Nodes are idempotent by request id: a repeated request never
 * runs a second protocol; a node re-reports what it already decided.
 *
 * @param requestId        the TSS request id: sessions are bound to it (also the callback's {@code cobo_id})
 * @param type             which command
 * @param orgId            owning organisation (may be null for platform keys)
 * @param apiRequestId     the API caller's request id, passed to the callback as {@code api_request_id}
 * @param createdTimestamp ms
 * @param timeoutMs        how long a session may stall before it fails (null: the node's default)
 */
public record TssRequest(
        String requestId,
        TssRequestType type,
        String orgId,
        String apiRequestId,
        long createdTimestamp,
        Long timeoutMs,
        KeyGen keyGen,
        KeySign keySign,
        KeyReshare keyReshare) {

    /** A {@code Cancel} of request {@code requestId}: the nodes stop it and report {@code Cancelled}. */
    public static TssRequest cancel(String requestId, String orgId, long createdTimestamp) {
        return new TssRequest(requestId, TssRequestType.CANCEL, orgId, null, createdTimestamp, null, null, null, null);
    }

    /**
     * A vault's root keys: one DKG per curve among {@code nodeIds}.
     *
     * @param groupId   the key share holder group the keys belong to
     * @param threshold t of t-of-n
     * @param nodeIds   the holders (TSS node ids), n of them
     * @param curves    which root keys to make
     */
    public record KeyGen(String groupId, int threshold, List<String> nodeIds, List<TssCurve> curves) {
    }

    /**
     * A batch of signatures by one root key.
     *
     * @param groupId       the signing key share holder group
     * @param rootPubKey    the root key: its extended public key ({@code xpub…} or {@code cpub…}) as key generation
     *                      reported it
     * @param usedNodeIds   the signers: exactly 2 for ECDSA, at least the threshold for EdDSA / Schnorr
     * @param bip32PathList one non-hardened path per message relative to the root ({@code m/44/60/0/0/3}); {@code m}
     *                      signs with the root key
     * @param msgHashList   hex: 32-byte hashes (ECDSA, Schnorr) or the message bytes (EdDSA signs the message)
     * @param tweakList     per message, Schnorr only: empty for plain BIP-340 under the HD key, {@code taproot} for a
     *                      BIP-86 key-path spend, {@code taproot:<32-byte hex merkle root>} for a key-path spend of a
     *                      script tree; empty list or empty strings otherwise
     * @param signatureType ECDSA, EdDSA or Schnorr
     * @param extraInfo     what the requester tells the nodes' callback servers about the transaction (seed 003
     *                      KeySign {@code extra_info}: coin, amount, from_address, to_address, ...), passed through
     */
    public record KeySign(String groupId, String rootPubKey, List<String> usedNodeIds, List<String> bip32PathList,
                          List<String> msgHashList, List<String> tweakList, TssSignatureType signatureType,
                          JsonNode extraInfo) {
    }

    /**
     * Move root keys to a new holder set and/or threshold, keeping every public key.
     *
     * @param oldGroupId   the group holding the keys now
     * @param newGroupId   the group that will hold them
     * @param rootPubKeys  the keys to move (extended public keys, one per curve)
     * @param oldThreshold the current threshold
     * @param usedNodeIds  the old holders that deal (at least the old threshold)
     * @param newThreshold the new threshold
     * @param newNodeIds   the new holders
     */
    public record KeyReshare(String oldGroupId, String newGroupId, List<String> rootPubKeys, int oldThreshold,
                             List<String> usedNodeIds, int newThreshold, List<String> newNodeIds) {
    }
}

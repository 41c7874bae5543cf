package io.openwaas.platform.events.tss;

/**
 * A node announcement on the compacted {@code tss.nodes} (key = {@link #nodeId}; CloudEvents type
 * {@code io.openwaas.tss.node.updated.v1}). Nodes announce at start, every {@link #heartbeatIntervalMs} while they
 * run, and {@code Offline} when they stop; a reader treats an {@code Online} node whose last announcement is older
 * than three heartbeats as offline.
 *
 * @param nodeId               the node id that key share holder groups name
 * @param partyId              its fixed protocol party id (positive, unique among nodes)
 * @param identityPublicKey    hex, 32-byte Ed25519 key: every peer message of this node is signed with it
 * @param encryptionPublicKey  hex, 32-byte X25519 key: point-to-point payloads to this node are encrypted to it
 * @param auxSetup             base64 of the node's two-party-ECDSA aux setup (libs/mpc {@code AuxSetup}); peers
 *                             verify it once
 * @param callbackConfigured   false when the node has no callback server (it then refuses every request, unless it
 *                             runs in its approve-all test mode)
 * @param callbackPublicKey    PEM of the RSA key the node signs its callback JWTs with
 * @param status               Online / Offline
 * @param heartbeatIntervalMs  how often the node re-announces
 * @param updatedTimestamp     ms of this announcement
 */
public record TssNodeInfo(
        String nodeId,
        int partyId,
        String identityPublicKey,
        String encryptionPublicKey,
        String auxSetup,
        boolean callbackConfigured,
        String callbackPublicKey,
        TssNodeStatus status,
        long heartbeatIntervalMs,
        long updatedTimestamp) {

    /** Online and heard from within three heartbeats of {@code now}. */
    public boolean online(long now) {
        return status == TssNodeStatus.ONLINE && now - updatedTimestamp <= 3 * heartbeatIntervalMs;
    }
}

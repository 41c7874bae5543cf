package io.openwaas.tss.persistence;

import io.openwaas.platform.events.tss.TssCurve;

import java.util.List;

/**
 * A key-share row without its secret: which root key, which sharing (key id), who holds it and in what state.
 *
 * @param status ACTIVE (signs), PENDING (a reshare's new sharing, not yet confirmed by every new holder), FROZEN
 *               (a two-party ECDSA terminal abort happened: {@link #frozen} says why; nothing signs with it)
 */
public record KeyRecord(String keyId, TssCurve curve, String publicKey, String rootPubkey, String groupId,
                        int threshold, List<String> nodeIds, String status, String frozen, String requestId,
                        long createdAt, long updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String PENDING = "PENDING";
    public static final String FROZEN = "FROZEN";

    public KeyRecord {
        nodeIds = List.copyOf(nodeIds);
    }
}

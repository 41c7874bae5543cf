package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * {@code request_detail} of a KeySign request.
 *
 * @param groupId       {@code group_id}: the key share group that signs
 * @param rootPubKey    {@code root_pub_key}: the MPC root extended public key
 * @param usedNodeIds   {@code used_node_ids}: the nodes that take part in this signing
 * @param bip32PathList {@code bip32_path_list}: one derivation path per message hash
 * @param msgHashList   {@code msg_hash_list}: the hashes to sign (hex)
 * @param tweakList     {@code tweak_list}: tweaks (BIP-341), one per hash or empty
 * @param signatureType {@code signature_type}: {@link #SIGNATURE_ECDSA}, {@link #SIGNATURE_EDDSA} or
 *                      {@link #SIGNATURE_SCHNORR}
 * @param tssProtocol   {@code tss_protocol}: {@link #PROTOCOL_UNKNOWN}, {@link #PROTOCOL_GG18},
 *                      {@link #PROTOCOL_LINDELL} or {@link #PROTOCOL_EDDSA}
 * @param taskId        {@code task_id}
 */
@JsonPropertyOrder({"group_id", "root_pub_key", "used_node_ids", "bip32_path_list", "msg_hash_list", "tweak_list",
        "signature_type", "tss_protocol", "task_id"})
public record KeySignDetail(
        @JsonProperty("group_id") String groupId,
        @JsonProperty("root_pub_key") String rootPubKey,
        @JsonProperty("used_node_ids") List<String> usedNodeIds,
        @JsonProperty("bip32_path_list") List<String> bip32PathList,
        @JsonProperty("msg_hash_list") List<String> msgHashList,
        @JsonProperty("tweak_list") List<String> tweakList,
        @JsonProperty("signature_type") int signatureType,
        @JsonProperty("tss_protocol") int tssProtocol,
        @JsonProperty("task_id") String taskId) {

    /** {@code signature_type = 1}. */
    public static final int SIGNATURE_ECDSA = 1;
    /** {@code signature_type = 2}. */
    public static final int SIGNATURE_EDDSA = 2;
    /** {@code signature_type = 3} (BIP-340). */
    public static final int SIGNATURE_SCHNORR = 3;

    /** {@code tss_protocol = 0}. */
    public static final int PROTOCOL_UNKNOWN = 0;
    /** {@code tss_protocol = 1}. */
    public static final int PROTOCOL_GG18 = 1;
    /** {@code tss_protocol = 2}. */
    public static final int PROTOCOL_LINDELL = 2;
    /** {@code tss_protocol = 3}. */
    public static final int PROTOCOL_EDDSA = 3;

    /** Reads the {@code request_detail} string. */
    public static KeySignDetail parse(String json) {
        return CallbackJson.read(json, KeySignDetail.class);
    }
}

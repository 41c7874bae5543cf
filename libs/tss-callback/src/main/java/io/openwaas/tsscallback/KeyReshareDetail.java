package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * {@code request_detail} of a KeyReshare request.
 *
 * @param oldGroupId   {@code old_group_id}: the group whose key is reshared
 * @param rootPubKey   {@code root_pub_key}: the MPC extended public key
 * @param curve        {@code curve}: {@link KeyGenDetail#CURVE_SECP256K1} or {@link KeyGenDetail#CURVE_ED25519}
 * @param usedNodeIds  {@code used_node_ids}: the old group's nodes that take part
 * @param oldThreshold {@code old_threshold}
 * @param newThreshold {@code new_threshold}
 * @param newNodeIds   {@code new_node_ids}: the nodes that will hold the new shares
 * @param taskId       {@code task_id}
 */
@JsonPropertyOrder({"old_group_id", "root_pub_key", "curve", "used_node_ids", "old_threshold", "new_threshold",
        "new_node_ids", "task_id"})
public record KeyReshareDetail(
        @JsonProperty("old_group_id") String oldGroupId,
        @JsonProperty("root_pub_key") String rootPubKey,
        @JsonProperty("curve") int curve,
        @JsonProperty("used_node_ids") List<String> usedNodeIds,
        @JsonProperty("old_threshold") int oldThreshold,
        @JsonProperty("new_threshold") int newThreshold,
        @JsonProperty("new_node_ids") List<String> newNodeIds,
        @JsonProperty("task_id") String taskId) {

    /** Reads the {@code request_detail} string. */
    public static KeyReshareDetail parse(String json) {
        return CallbackJson.read(json, KeyReshareDetail.class);
    }
}

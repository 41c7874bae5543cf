package io.openwaas.tsscallback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * {@code request_detail} of a KeyGen request.
 *
 * @param threshold {@code threshold}: signature threshold
 * @param nodeIds   {@code node_ids}: the nodes that will hold the key shares
 * @param curve     {@code curve}: {@link #CURVE_SECP256K1} or {@link #CURVE_ED25519}
 * @param taskId    {@code task_id}
 */
@JsonPropertyOrder({"threshold", "node_ids", "curve", "task_id"})
public record KeyGenDetail(
        @JsonProperty("threshold") int threshold,
        @JsonProperty("node_ids") List<String> nodeIds,
        @JsonProperty("curve") int curve,
        @JsonProperty("task_id") String taskId) {

    /** {@code curve = 0}. */
    public static final int CURVE_SECP256K1 = 0;
    /** {@code curve = 2}. */
    public static final int CURVE_ED25519 = 2;

    /** Reads the {@code request_detail} string. */
    public static KeyGenDetail parse(String json) {
        return CallbackJson.read(json, KeyGenDetail.class);
    }
}

package io.openwaas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Vaults with keys, made as a customer makes them on a running {@code bin/waas up}: a new Org-Controlled vault, a
 * 2-of-3 {@code MainGroup} of the three TSS nodes, a {@code KeyGen} TSS request polled until {@code Success}, the
 * vault's root keys read back.
 */
public final class Vaults {

    public static final List<String> NODES = List.of("tss-node-0", "tss-node-1", "tss-node-2");

    /** A vault, its Valid Main Group and its root extended public keys. */
    public record Vault(String vaultId, String groupId, String xpub, String cpub) {
    }

    /** A vault just made, with the time from the KeyGen request to both root keys. */
    public record Keyed(Vault vault, double ms) {
    }

    private Vaults() {
    }

    /** Fails clearly unless every node is online ({@code GET /v2/wallets/mpc/cobo_key_share_holders}). */
    public static void requireNodesOnline(WaasApi api, List<String> nodes) throws IOException, InterruptedException {
        List<String> online = new ArrayList<>();
        for (JsonNode h : api.get("/v2/wallets/mpc/cobo_key_share_holders")) {
            if (h.path("online").asBoolean(false)) {
                online.add(h.path("tss_node_id").asText());
            }
        }
        List<String> missing = nodes.stream().filter(n -> !online.contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the bench needs the TSS nodes " + nodes + " online; "
                    + "GET /v2/wallets/mpc/cobo_key_share_holders shows online " + online + ", missing " + missing
                    + " (bin/waas status; bin/waas logs tss-node-N)");
        }
    }

    /** An existing vault of the organisation with both root keys, and its Valid MainGroup. */
    public static Vault existing(WaasApi api, String vaultId) throws IOException, InterruptedException {
        String base = "/v2/wallets/mpc/vaults/" + vaultId;
        String[] roots = roots(api.get(base));
        if (roots[0] == null || roots[1] == null) {
            throw new IllegalArgumentException("vault " + vaultId + " has no root keys on both curves");
        }
        String groupId = null;
        for (JsonNode g : api.get(base + "/key_share_holder_groups").path("data")) {
            if (g.path("type").asText().equals("MainGroup") && g.path("status").asText().equals("Valid")) {
                groupId = g.path("key_share_holder_group_id").asText();
            }
        }
        if (groupId == null) {
            throw new IllegalArgumentException("vault " + vaultId + " has no Valid MainGroup");
        }
        return new Vault(vaultId, groupId, roots[0], roots[1]);
    }

    /** {xpub, cpub} of a vault answer (null where absent). */
    private static String[] roots(JsonNode vault) {
        String[] out = new String[2];
        for (JsonNode rk : vault.path("root_pubkeys")) {
            switch (rk.path("curve").asText()) {
                case "SECP256K1" -> out[0] = rk.path("root_pubkey").asText();
                case "ED25519" -> out[1] = rk.path("root_pubkey").asText();
                default -> { }
            }
        }
        return out;
    }

    /** A new vault whose keys the nodes generate; timed from the KeyGen request to both root keys. */
    public static Keyed create(WaasApi api, ObjectMapper mapper, String name, List<String> nodes, Duration timeout,
                               long pollMs) throws IOException, InterruptedException {
        ObjectNode v = mapper.createObjectNode().put("name", name).put("vault_type", "Org-Controlled");
        String vaultId = api.post("/v2/wallets/mpc/vaults", v).path("vault_id").asText();
        String base = "/v2/wallets/mpc/vaults/" + vaultId;
        ObjectNode g = mapper.createObjectNode().put("key_share_holder_group_type", "MainGroup")
                .put("participants", nodes.size()).put("threshold", 2);
        var holders = g.putArray("key_share_holders");
        for (String n : nodes) {
            holders.addObject().put("name", n).put("type", "Cobo").put("tss_node_id", n).put("signer", true);
        }
        String groupId = api.post(base + "/key_share_holder_groups", g).path("key_share_holder_group_id").asText();
        ObjectNode k = mapper.createObjectNode().put("type", "KeyGen").put("target_key_share_holder_group_id", groupId)
                .put("description", "bin/waas bench");
        long t0 = System.nanoTime();
        String requestId = api.post(base + "/tss_requests", k).path("tss_request_id").asText();
        long deadline = t0 + timeout.toNanos();
        while (true) {
            String status = api.get(base + "/tss_requests/" + requestId).path("status").asText();
            if (status.equals("Success")) {
                String[] roots = roots(api.get(base));
                if (roots[0] != null && roots[1] != null) {
                    return new Keyed(new Vault(vaultId, groupId, roots[0], roots[1]), (System.nanoTime() - t0) / 1e6);
                }
            } else if (status.endsWith("Failed")) {
                throw new IllegalStateException("KeyGen request " + requestId + " ended " + status);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("KeyGen request " + requestId + " still " + status + " after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(pollMs);
        }
    }
}

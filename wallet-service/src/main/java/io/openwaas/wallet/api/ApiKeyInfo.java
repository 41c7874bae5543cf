package io.openwaas.wallet.api;

import io.openwaas.platform.auth.CurveType;

import java.util.List;

/** Reference §3.1: {@code GET /v2/developers/api_key_info}. */
public record ApiKeyInfo(String name, CurveType curveType, String key, String callbackUrl, List<String> validIps,
                         long createdTimestamp, long updatedTimestamp, Long expiredTimestamp,
                         List<RoleScope> roleScopes) {

    /** One role of the key with the wallets it covers; empty filters mean every wallet of the organisation. */
    public record RoleScope(String roleName, Scopes scopes) {
    }

    public record Scopes(List<String> walletTypes, List<String> walletSubtypes, List<String> walletIds,
                         List<String> vaultIds, List<String> projectIds) {

        public static Scopes all() {
            return new Scopes(List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }
}

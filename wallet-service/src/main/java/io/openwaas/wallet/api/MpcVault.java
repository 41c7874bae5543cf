package io.openwaas.wallet.api;

import io.openwaas.platform.auth.CurveType;

import java.util.List;

/** Reference §3.4 {@code MPCVault}; {@code root_pubkeys} is empty until the vault's keys are generated. */
public record MpcVault(String vaultId, String projectId, String name, String type, List<RootPubkey> rootPubkeys,
                       long createdTimestamp) {

    public record RootPubkey(String rootPubkey, CurveType curve) {
    }
}

package io.openwaas.wallet.api;

import io.openwaas.wallet.domain.ApiKeyService;
import io.openwaas.wallet.domain.WalletService.WalletWithVault;
import io.openwaas.wallet.persistence.ApiKeyEntity;
import io.openwaas.wallet.persistence.OrganizationEntity;
import io.openwaas.wallet.persistence.VaultEntity;
import io.openwaas.wallet.persistence.WalletEntity;

import java.util.List;

/** Entity → wire record mappings: entities never leave the service. */
final class Views {

    private Views() {
    }

    static OrgInfo org(OrganizationEntity o) {
        return new OrgInfo(o.id, o.bizOrgId, o.name, o.createdAt);
    }

    static ApiKeyView apiKey(ApiKeyEntity k) {
        return new ApiKeyView(k.apiKey, k.orgId, k.name, k.curveType, ApiKeyService.scopes(k), k.status,
                k.callbackUrl, k.createdAt, k.updatedAt);
    }

    static MpcVault vault(VaultEntity v) {
        return new MpcVault(v.id.toString(), v.projectId == null ? null : v.projectId.toString(), v.name,
                v.vaultType.wire(), List.of(), v.createdAt);
    }

    static WalletInfo wallet(WalletWithVault wv) {
        WalletEntity w = wv.wallet();
        return new WalletInfo(w.id.toString(), w.walletType, w.walletSubtype, w.name, w.orgId, w.enableAutoSweep,
                w.vaultId.toString(), null, null, wv.vault() == null ? null : wv.vault().name);
    }
}

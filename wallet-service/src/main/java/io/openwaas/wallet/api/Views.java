package io.openwaas.wallet.api;

import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.events.tss.TssNodeInfo;
import io.openwaas.wallet.domain.ApiKeyService;
import io.openwaas.wallet.domain.KeyShareHolderGroupService.GroupWithHolders;
import io.openwaas.wallet.domain.KeyShareHolderGroupStatus;
import io.openwaas.wallet.domain.KeyShareHolderStatus;
import io.openwaas.wallet.domain.KeyShareHolderType;
import io.openwaas.wallet.messaging.TssNodeView;
import io.openwaas.wallet.domain.WalletService.WalletWithVault;
import io.openwaas.wallet.persistence.ApiKeyEntity;
import io.openwaas.wallet.persistence.KeyShareHolderEntity;
import io.openwaas.wallet.persistence.OrganizationEntity;
import io.openwaas.wallet.persistence.TssRequestEntity;
import io.openwaas.wallet.persistence.VaultEntity;
import io.openwaas.wallet.persistence.WalletEntity;

import java.util.ArrayList;
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
                v.vaultType.wire(), rootPubkeys(v), v.createdAt);
    }

    private static List<MpcVault.RootPubkey> rootPubkeys(VaultEntity v) {
        List<MpcVault.RootPubkey> keys = new ArrayList<>(2);
        if (v.rootPubkeySecp256k1 != null) {
            keys.add(new MpcVault.RootPubkey(v.rootPubkeySecp256k1, CurveType.SECP256K1));
        }
        if (v.rootPubkeyEd25519 != null) {
            keys.add(new MpcVault.RootPubkey(v.rootPubkeyEd25519, CurveType.ED25519));
        }
        return keys;
    }

    /** A platform TSS node as a Cobo key share holder. */
    static KeyShareHolder coboHolder(TssNodeInfo node, long now) {
        return new KeyShareHolder(node.nodeId(), KeyShareHolderType.COBO, node.nodeId(), node.online(now), true,
                KeyShareHolderStatus.VALID, null);
    }

    static KeyShareHolder holder(KeyShareHolderEntity h, KeyShareHolderGroupStatus groupStatus, TssNodeView nodes) {
        KeyShareHolderStatus status = groupStatus == KeyShareHolderGroupStatus.VALID ? KeyShareHolderStatus.VALID
                : groupStatus == KeyShareHolderGroupStatus.UNAVAILABLE ? KeyShareHolderStatus.CHANGED
                : KeyShareHolderStatus.NOT_ACTIVATED;
        return new KeyShareHolder(h.name, h.holderType, h.tssNodeId, nodes.online(h.tssNodeId), h.signer, status, null);
    }

    static KeyShareHolderGroup group(GroupWithHolders gh, TssNodeView nodes) {
        var g = gh.group();
        List<KeyShareHolderGroup.TssKeyShareGroup> keys = gh.keys().isEmpty() ? null : gh.keys().stream()
                .map(k -> new KeyShareHolderGroup.TssKeyShareGroup(k.keyId, k.curve, k.rootPubkey)).toList();
        return new KeyShareHolderGroup(g.id.toString(), g.groupType, keys,
                gh.holders().stream().map(h -> holder(h, g.status, nodes)).toList(),
                g.participants, g.threshold, g.status, g.createdAt);
    }

    static TssRequestInfo tssRequest(TssRequestEntity r) {
        SourceGroup source = r.sourceGroupId == null ? null
                : new SourceGroup(r.sourceGroupId.toString(), TssRequestEntity.split(r.sourceNodeIds));
        return new TssRequestInfo(r.id, source, r.targetGroupId.toString(), r.requestType, r.status, r.description,
                r.createdAt);
    }

    static WalletInfo wallet(WalletWithVault wv) {
        WalletEntity w = wv.wallet();
        return new WalletInfo(w.id.toString(), w.walletType, w.walletSubtype, w.name, w.orgId, w.enableAutoSweep,
                w.vaultId.toString(), null, null, wv.vault() == null ? null : wv.vault().name);
    }
}

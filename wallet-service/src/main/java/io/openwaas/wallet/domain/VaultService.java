package io.openwaas.wallet.domain;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.CursorPaging;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.wallet.persistence.VaultEntity;
import io.openwaas.wallet.persistence.VaultRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/**
 * MPC vaults of an organisation. Organization-Controlled vaults only: User-Controlled vaults belong to MPC projects
 * (end users holding key shares on their devices), which this platform does not offer.
 */
@ApplicationScoped
public class VaultService {

    private final VaultRepository vaults;

    public VaultService(VaultRepository vaults) {
        this.vaults = vaults;
    }

    @WithTransaction
    public Uni<VaultEntity> create(String orgId, String name, MpcVaultType type, String projectId) {
        requireOrgControlled(type, projectId);
        VaultEntity vault = new VaultEntity();
        vault.id = UUID.randomUUID();
        vault.orgId = orgId;
        vault.name = name.strip();
        vault.vaultType = type;
        vault.createdAt = System.currentTimeMillis();
        vault.updatedAt = vault.createdAt;
        return vaults.persist(vault);
    }

    @WithSession
    public Uni<Page<VaultEntity>> list(String orgId, MpcVaultType type, String projectId, PageRequest page) {
        requireOrgControlled(type, projectId);
        return CursorPaging.page(vaults, "orgId = :orgId and vaultType = :type",
                Map.of("orgId", orgId, "type", type), page, v -> v.seq);
    }

    /** The organisation's vault; another organisation's vault is answered 404, as if absent. */
    @WithSession
    public Uni<VaultEntity> get(String orgId, UUID vaultId) {
        return find(orgId, vaultId);
    }

    @WithTransaction
    public Uni<VaultEntity> rename(String orgId, UUID vaultId, String name) {
        return find(orgId, vaultId).map(vault -> {
            vault.name = name.strip();
            vault.updatedAt = System.currentTimeMillis();
            return vault;
        });
    }

    Uni<VaultEntity> find(String orgId, UUID vaultId) {
        return vaults.find("id = ?1 and orgId = ?2", vaultId, orgId).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("vault", vaultId));
    }

    private static void requireOrgControlled(MpcVaultType type, String projectId) {
        if (type == MpcVaultType.USER_CONTROLLED) {
            throw ApiException.unsupported("vault_type User-Controlled (MPC projects)");
        }
        if (projectId != null && !projectId.isEmpty()) {
            throw ApiException.invalid("project_id", "must be empty for Org-Controlled vaults");
        }
    }
}

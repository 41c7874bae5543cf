package io.openwaas.wallet.domain;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.CursorPaging;
import io.openwaas.platform.api.Ids;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.wallet.persistence.VaultEntity;
import io.openwaas.wallet.persistence.VaultRepository;
import io.openwaas.wallet.persistence.WalletEntity;
import io.openwaas.wallet.persistence.WalletRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wallets: MPC Organization-Controlled wallets in a vault of the caller's organisation. Every lookup is by
 * organisation, so another organisation's wallets are answered 404, as if absent.
 */
@ApplicationScoped
public class WalletService {

    private final WalletRepository wallets;
    private final VaultRepository vaults;
    private final VaultService vaultService;

    public WalletService(WalletRepository wallets, VaultRepository vaults, VaultService vaultService) {
        this.wallets = wallets;
        this.vaults = vaults;
        this.vaultService = vaultService;
    }

    /** A wallet with the name of its vault, for the wire. */
    public record WalletWithVault(WalletEntity wallet, VaultEntity vault) {
    }

    @WithTransaction
    public Uni<WalletWithVault> create(String orgId, String name, WalletType type, WalletSubtype subtype,
                                       String vaultId, Boolean enableAutoSweep) {
        if (type != WalletType.MPC) {
            throw ApiException.unsupported("wallet_type " + type.wire() + " (this platform creates MPC wallets)");
        }
        if (subtype != WalletSubtype.ORG_CONTROLLED) {
            throw ApiException.unsupported("wallet_subtype " + subtype.wire() + " for MPC wallets (use Org-Controlled)");
        }
        UUID vault = Ids.uuid("vault_id", vaultId);
        return vaultService.find(orgId, vault).chain(v -> {
            WalletEntity w = new WalletEntity();
            w.id = UUID.randomUUID();
            w.orgId = orgId;
            w.vaultId = v.id;
            w.name = name.strip();
            w.walletType = type;
            w.walletSubtype = subtype;
            w.enableAutoSweep = Boolean.TRUE.equals(enableAutoSweep);
            w.status = WalletEntity.ACTIVE;
            w.createdAt = System.currentTimeMillis();
            w.updatedAt = w.createdAt;
            return wallets.persist(w).map(saved -> new WalletWithVault(saved, v));
        });
    }

    @WithSession
    public Uni<Page<WalletWithVault>> list(String orgId, WalletFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("orgId = :orgId and status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("orgId", orgId);
        params.put("status", WalletEntity.ACTIVE);
        if (filter.walletType() != null) {
            where.append(" and walletType = :type");
            params.put("type", filter.walletType());
        }
        if (filter.walletSubtype() != null) {
            where.append(" and walletSubtype = :subtype");
            params.put("subtype", filter.walletSubtype());
        }
        if (filter.vaultId() != null) {
            where.append(" and vaultId = :vaultId");
            params.put("vaultId", filter.vaultId());
        }
        if (filter.projectId() != null) {
            where.append(" and vaultId in (select v.id from VaultEntity v where v.projectId = :projectId)");
            params.put("projectId", filter.projectId());
        }
        return CursorPaging.page(wallets, where.toString(), params, page, w -> w.seq).chain(this::withVaults);
    }

    @WithSession
    public Uni<WalletWithVault> get(String orgId, UUID walletId) {
        return find(orgId, walletId).chain(this::withVault);
    }

    @WithTransaction
    public Uni<WalletWithVault> update(String orgId, UUID walletId, WalletType type, String name, Boolean autoSweep) {
        return find(orgId, walletId).chain(w -> {
            if (w.walletType != type) {
                throw ApiException.invalid("wallet_type", "the wallet is of type " + w.walletType.wire());
            }
            if (name != null) {
                w.name = name.strip();
            }
            if (autoSweep != null) {
                w.enableAutoSweep = autoSweep;
            }
            w.updatedAt = System.currentTimeMillis();
            return withVault(w);
        });
    }

    /** Deletes the wallet: it disappears from the API; its row stays for history. */
    @WithTransaction
    public Uni<Void> delete(String orgId, UUID walletId) {
        return find(orgId, walletId).invoke(w -> {
            w.status = WalletEntity.DELETED;
            w.updatedAt = System.currentTimeMillis();
        }).replaceWithVoid();
    }

    private Uni<WalletEntity> find(String orgId, UUID walletId) {
        return wallets.find("id = ?1 and orgId = ?2 and status = ?3", walletId, orgId, WalletEntity.ACTIVE)
                .firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("wallet", walletId));
    }

    private Uni<WalletWithVault> withVault(WalletEntity w) {
        return vaults.findById(w.vaultId).map(v -> new WalletWithVault(w, v));
    }

    private Uni<Page<WalletWithVault>> withVaults(Page<WalletEntity> page) {
        List<UUID> ids = page.data().stream().map(w -> w.vaultId).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(page.map(w -> new WalletWithVault(w, null)));
        }
        return vaults.list("id in ?1", ids).map(found -> {
            Map<UUID, VaultEntity> byId = found.stream().collect(Collectors.toMap(v -> v.id, Function.identity()));
            return page.map(w -> new WalletWithVault(w, byId.get(w.vaultId)));
        });
    }
}

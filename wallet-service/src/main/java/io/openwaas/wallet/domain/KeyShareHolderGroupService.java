package io.openwaas.wallet.domain;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.CursorPaging;
import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.wallet.messaging.TssNodeView;
import io.openwaas.wallet.persistence.KeyShareHolderEntity;
import io.openwaas.wallet.persistence.KeyShareHolderGroupEntity;
import io.openwaas.wallet.persistence.KeyShareHolderGroupRepository;
import io.openwaas.wallet.persistence.KeyShareHolderRepository;
import io.openwaas.wallet.persistence.TssKeyShareGroupEntity;
import io.openwaas.wallet.persistence.TssKeyShareGroupRepository;
import io.openwaas.wallet.persistence.TssRequestRepository;
import io.openwaas.wallet.persistence.VaultEntity;
import io.openwaas.wallet.persistence.VaultRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Key share holder groups of a vault: which TSS nodes hold its keys, with which threshold. This platform's nodes
 * are its own (the {@code tss.nodes} view), so every holder must name a known node; 2-of-2 and 2-of-3 are the
 * schemes its protocols run. Changes to a vault's groups are serialised by a lock on the vault row.
 */
@ApplicationScoped
public class KeyShareHolderGroupService {

    /** A holder as the client asked for it. */
    public record HolderSpec(String name, KeyShareHolderType type, String tssNodeId, Boolean signer) {
    }

    /** A group with its holders (in position order) and its keys (by curve). */
    public record GroupWithHolders(KeyShareHolderGroupEntity group, List<KeyShareHolderEntity> holders,
                                   List<TssKeyShareGroupEntity> keys) {

        public List<String> nodeIds() {
            return holders.stream().map(h -> h.tssNodeId).toList();
        }
    }

    /** A holder with the status of its group. */
    public record HolderInGroup(KeyShareHolderEntity holder, KeyShareHolderGroupStatus groupStatus) {
    }

    private static final Set<KeyShareHolderGroupStatus> LIVE_MAIN =
            EnumSet.of(KeyShareHolderGroupStatus.NEW, KeyShareHolderGroupStatus.VALID);

    private final VaultService vaultService;
    private final VaultRepository vaults;
    private final KeyShareHolderGroupRepository groups;
    private final KeyShareHolderRepository holders;
    private final TssKeyShareGroupRepository keys;
    private final TssRequestRepository requests;
    private final TssNodeView nodes;

    public KeyShareHolderGroupService(VaultService vaultService, VaultRepository vaults,
                                      KeyShareHolderGroupRepository groups, KeyShareHolderRepository holders,
                                      TssKeyShareGroupRepository keys, TssRequestRepository requests,
                                      TssNodeView nodes) {
        this.vaultService = vaultService;
        this.vaults = vaults;
        this.groups = groups;
        this.holders = holders;
        this.keys = keys;
        this.requests = requests;
        this.nodes = nodes;
    }

    /** Checks what needs no database: the scheme, the holders, the nodes. Throws a 400 naming the problem. */
    public void validate(KeyShareHolderGroupType type, int participants, int threshold, List<HolderSpec> specs) {
        if (type == null) {
            throw ApiException.missing("key_share_holder_group_type");
        }
        if (participants < 2 || participants > 3) {
            throw ApiException.invalid("participants", "must be 2 or 3");
        }
        if (threshold < 2 || threshold > 3) {
            throw ApiException.invalid("threshold", "must be 2 or 3");
        }
        if (threshold > participants) {
            throw ApiException.invalid("threshold", "must not exceed participants (" + participants + ")");
        }
        if (threshold == 3) {
            throw ApiException.unsupported("a 3-of-3 key share holder group (this platform runs 2-of-2 and 2-of-3)");
        }
        if (specs.size() != participants) {
            throw ApiException.invalid("key_share_holders", "has " + specs.size() + " holders but participants is "
                    + participants);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String nodeId = specs.get(i).tssNodeId();
            String field = "key_share_holders[" + i + "].tss_node_id";
            if (nodeId == null || nodeId.isBlank()) {
                throw ApiException.missing(field);
            }
            if (!seen.add(nodeId)) {
                throw ApiException.invalid(field, "TSS node '" + nodeId + "' appears more than once");
            }
            if (nodes.find(nodeId).isEmpty()) {
                throw ApiException.invalid(field, "unknown TSS node '" + nodeId + "'");
            }
        }
    }

    @WithTransaction
    public Uni<GroupWithHolders> create(String orgId, UUID vaultId, KeyShareHolderGroupType type, int participants,
                                        int threshold, List<HolderSpec> specs) {
        validate(type, participants, threshold, specs);
        return lockVault(orgId, vaultId).chain(vault -> liveMainGroup(vault.id).chain(main -> {
            if (type == KeyShareHolderGroupType.MAIN_GROUP && main != null) {
                throw new ApiException(ErrorCode.INVALID_STATUS, "vault " + vault.id + " already has a Main Group ("
                        + main.id + ", " + main.status.wire() + ")");
            }
            long now = System.currentTimeMillis();
            KeyShareHolderGroupEntity g = new KeyShareHolderGroupEntity();
            g.id = UUID.randomUUID();
            g.orgId = orgId;
            g.vaultId = vault.id;
            g.groupType = type;
            g.participants = participants;
            g.threshold = threshold;
            g.status = KeyShareHolderGroupStatus.NEW;
            g.createdAt = now;
            g.updatedAt = now;
            List<KeyShareHolderEntity> made = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                HolderSpec s = specs.get(i);
                KeyShareHolderEntity h = new KeyShareHolderEntity();
                h.id = UUID.randomUUID();
                h.orgId = orgId;
                h.vaultId = vault.id;
                h.groupId = g.id;
                h.position = i;
                h.tssNodeId = s.tssNodeId();
                h.name = s.name() == null || s.name().isBlank() ? s.tssNodeId() : s.name().strip();
                h.holderType = s.type() == null ? KeyShareHolderType.COBO : s.type();
                h.signer = s.signer() == null || s.signer();
                h.createdAt = now;
                h.updatedAt = now;
                made.add(h);
            }
            // The group first: the holders refer to it.
            return groups.persistAndFlush(g).chain(() -> holders.persist(made))
                    .map(ignored -> new GroupWithHolders(g, made, List.of()));
        }));
    }

    @WithSession
    public Uni<Page<GroupWithHolders>> list(String orgId, UUID vaultId, KeyShareHolderGroupType type,
                                            PageRequest page) {
        return vaultService.find(orgId, vaultId).chain(vault -> {
            StringBuilder where = new StringBuilder("vaultId = :vaultId and deleted = false");
            Map<String, Object> params = new HashMap<>();
            params.put("vaultId", vault.id);
            if (type != null) {
                where.append(" and groupType = :type");
                params.put("type", type);
            }
            return CursorPaging.page(groups, where.toString(), params, page, g -> g.seq);
        }).chain(this::withDetails);
    }

    @WithSession
    public Uni<GroupWithHolders> get(String orgId, UUID vaultId, UUID groupId) {
        return vaultService.find(orgId, vaultId).chain(vault -> find(vault.id, groupId, false)).chain(this::withDetails);
    }

    /**
     * {@code UpgradeToMainGroup}: a Valid Signing Group (it holds the vault's keys) becomes the Main Group; the old
     * Main Group becomes Unavailable ({@code Invalidate}, the default) or a Signing Group
     * ({@code ConvertToSigningGroup}).
     */
    @WithTransaction
    public Uni<GroupWithHolders> upgradeToMainGroup(String orgId, UUID vaultId, UUID groupId,
                                                    OriginalMainGroupHandling handling) {
        OriginalMainGroupHandling how = handling == null ? OriginalMainGroupHandling.INVALIDATE : handling;
        return lockVault(orgId, vaultId).chain(vault -> find(vault.id, groupId, true).chain(g -> {
            if (g.groupType == KeyShareHolderGroupType.MAIN_GROUP) {
                throw new ApiException(ErrorCode.INVALID_STATUS, "key share holder group " + g.id + " is already the Main Group");
            }
            if (g.groupType != KeyShareHolderGroupType.SIGNING_GROUP || g.status != KeyShareHolderGroupStatus.VALID) {
                throw new ApiException(ErrorCode.INVALID_STATUS, "only a Valid Signing Group can be upgraded to Main Group; "
                        + "key share holder group " + g.id + " is a " + g.status.wire() + " " + g.groupType.wire());
            }
            return activeRequestOn(g.id).chain(active -> {
                if (active) {
                    throw new ApiException(ErrorCode.INVALID_STATUS,
                            "key share holder group " + g.id + " has a TSS request in progress");
                }
                return liveMainGroup(vault.id);
            }).chain(main -> {
                long now = System.currentTimeMillis();
                if (main != null) {
                    if (how == OriginalMainGroupHandling.INVALIDATE) {
                        main.status = KeyShareHolderGroupStatus.UNAVAILABLE;
                    } else {
                        main.groupType = KeyShareHolderGroupType.SIGNING_GROUP;
                    }
                    main.updatedAt = now;
                }
                Uni<Void> demoted = main == null ? Uni.createFrom().voidItem() : groups.flush();
                return demoted.chain(() -> {
                    g.groupType = KeyShareHolderGroupType.MAIN_GROUP;
                    g.updatedAt = now;
                    return withDetails(g);
                });
            });
        }));
    }

    /**
     * Deletes a group: it disappears from the API. Refused for a Valid group (the nodes hold the vault's keys for
     * exactly one group at a time: its Main Group, or the group a reshare moved them to) and for a group a TSS request
     * in progress names.
     */
    @WithTransaction
    public Uni<Void> delete(String orgId, UUID vaultId, UUID groupId) {
        return lockVault(orgId, vaultId).chain(vault -> find(vault.id, groupId, true).chain(g -> {
            if (g.status == KeyShareHolderGroupStatus.VALID) {
                throw new ApiException(ErrorCode.INVALID_STATUS, "key share holder group " + g.id + " is Valid and holds "
                        + "the keys the vault needs; move them to another group (KeyGenFromKeyGroup) first");
            }
            return activeRequestOn(g.id).map(active -> {
                if (active) {
                    throw new ApiException(ErrorCode.INVALID_STATUS, "key share holder group " + g.id
                            + " has a TSS request in progress; wait for it or cancel it first");
                }
                g.deleted = true;
                g.updatedAt = System.currentTimeMillis();
                return null;
            });
        })).replaceWithVoid();
    }

    /** Holders of the vault's groups (deleted groups excluded), optionally of some groups only. */
    @WithSession
    public Uni<Page<HolderInGroup>> listHolders(String orgId, UUID vaultId, List<UUID> groupIds, PageRequest page) {
        return vaultService.find(orgId, vaultId).chain(vault -> {
            StringBuilder where = new StringBuilder("vaultId = :vaultId and groupId in "
                    + "(select g.id from KeyShareHolderGroupEntity g where g.vaultId = :vaultId and g.deleted = false)");
            Map<String, Object> params = new HashMap<>();
            params.put("vaultId", vault.id);
            if (groupIds != null && !groupIds.isEmpty()) {
                where.append(" and groupId in :groupIds");
                params.put("groupIds", groupIds);
            }
            return CursorPaging.page(holders, where.toString(), params, page, h -> h.seq);
        }).chain(page1 -> {
            List<UUID> ids = page1.data().stream().map(h -> h.groupId).distinct().toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(page1.map(h -> new HolderInGroup(h, null)));
            }
            return groups.list("id in ?1", ids).map(found -> {
                Map<UUID, KeyShareHolderGroupStatus> status = found.stream()
                        .collect(Collectors.toMap(g -> g.id, g -> g.status));
                return page1.map(h -> new HolderInGroup(h, status.get(h.groupId)));
            });
        });
    }

    /** The node as a holder of the vault: its first holding in a group that is not deleted. */
    @WithSession
    public Uni<HolderInGroup> getHolder(String orgId, UUID vaultId, String tssNodeId) {
        return vaultService.find(orgId, vaultId).chain(vault -> holders.find("vaultId = ?1 and tssNodeId = ?2 and groupId in "
                        + "(select g.id from KeyShareHolderGroupEntity g where g.vaultId = ?1 and g.deleted = false) "
                        + "order by seq", vault.id, tssNodeId).<KeyShareHolderEntity>firstResult())
                .onItem().ifNull().failWith(() -> ApiException.notFound("key share holder", tssNodeId))
                .chain(h -> groups.findById(h.groupId).map(g -> new HolderInGroup(h, g.status)));
    }

    // ------------------------------------------------------------------ shared with TssRequestService

    /** The organisation's vault, locked for the rest of the transaction; 404 if absent or another's. */
    Uni<VaultEntity> lockVault(String orgId, UUID vaultId) {
        return vaults.find("id = ?1 and orgId = ?2", vaultId, orgId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("vault", vaultId));
    }

    /** A group of the vault that is not deleted; 404 otherwise. */
    Uni<KeyShareHolderGroupEntity> find(UUID vaultId, UUID groupId, boolean lock) {
        var query = groups.find("id = ?1 and vaultId = ?2 and deleted = false", groupId, vaultId);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("key share holder group", groupId));
    }

    Uni<GroupWithHolders> withDetails(KeyShareHolderGroupEntity g) {
        return withDetails(List.of(g)).map(list -> list.get(0));
    }

    private Uni<Page<GroupWithHolders>> withDetails(Page<KeyShareHolderGroupEntity> page) {
        return withDetails(page.data()).map(details -> new Page<>(details, page.pagination()));
    }

    private Uni<List<GroupWithHolders>> withDetails(List<KeyShareHolderGroupEntity> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = list.stream().map(g -> g.id).toList();
        return holders.list("groupId in ?1 order by position", ids).chain(hs -> keys.list("groupId in ?1", ids)
                .map(ks -> {
                    Map<UUID, List<KeyShareHolderEntity>> byGroup = hs.stream()
                            .collect(Collectors.groupingBy((KeyShareHolderEntity h) -> h.groupId));
                    Map<UUID, List<TssKeyShareGroupEntity>> keysByGroup = ks.stream()
                            // secp256k1 first, as in the vault's root_pubkeys
                            .sorted(Comparator.comparingInt((TssKeyShareGroupEntity k) -> k.curve == CurveType.SECP256K1 ? 0 : 1))
                            .collect(Collectors.groupingBy((TssKeyShareGroupEntity k) -> k.groupId));
                    return list.stream().map(g -> new GroupWithHolders(g,
                            byGroup.getOrDefault(g.id, List.of()).stream()
                                    .sorted(Comparator.comparingInt(h -> h.position)).toList(),
                            keysByGroup.getOrDefault(g.id, List.of()))).toList();
                }));
    }

    /** The vault's Main Group that is New or Valid, or null. */
    private Uni<KeyShareHolderGroupEntity> liveMainGroup(UUID vaultId) {
        return groups.find("vaultId = ?1 and groupType = ?2 and status in ?3 and deleted = false", vaultId,
                KeyShareHolderGroupType.MAIN_GROUP, LIVE_MAIN).firstResult();
    }

    /** Whether a TSS request in progress targets or copies from the group. */
    private Uni<Boolean> activeRequestOn(UUID groupId) {
        return requests.count("(targetGroupId = ?1 or sourceGroupId = ?1) and status in ?2", groupId,
                EnumSet.of(TssRequestStatus.PENDING_KEY_HOLDER_CONFIRMATION, TssRequestStatus.KEY_GENERATING,
                        TssRequestStatus.MPC_PROCESSING)).map(n -> n > 0);
    }
}

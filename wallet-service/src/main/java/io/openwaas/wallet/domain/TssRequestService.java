package io.openwaas.wallet.domain;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.CursorPaging;
import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.outbox.Outbox;
import io.openwaas.wallet.domain.KeyShareHolderGroupService.GroupWithHolders;
import io.openwaas.wallet.persistence.KeyShareHolderGroupEntity;
import io.openwaas.wallet.persistence.TssRequestEntity;
import io.openwaas.wallet.persistence.TssRequestRepository;
import io.openwaas.wallet.persistence.VaultEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * TSS requests of a vault: key generation for its Main Group ({@code KeyGen}), copying its keys to another group
 * ({@code KeyGenFromKeyGroup}, a reshare) and restoring them from a Recovery Group ({@code Recovery}, seed 003's
 * "soft key recovery": the same reshare, whose source must be a {@code RecoveryGroup}). Creating one writes the
 * request and its command for the nodes ({@link TssRequest} on {@code tss.requests}) in one database transaction;
 * the nodes' reports ({@link TssReportProcessor}) move it on. Requests of a vault are created under a lock on the
 * vault row, and a group is the target of at most one request in progress, so a repeated create never starts a
 * second protocol run.
 *
 * <p>{@code KeyGenFromKeyGroup} is a {@code KeyReshare} for the nodes, which <em>moves</em> the keys (the event
 * contract: "move root keys to a new holder set"; every old holder deletes its share once the new sharing is stored).
 * So on success the target group becomes {@code Valid} and the source group {@code Unavailable}; when the source was
 * the Main Group, the client then upgrades the target with {@code UpgradeToMainGroup} (Cobo's rotation flow). This
 * differs from Cobo, where the source group keeps its shares.
 *
 * <p>Cancelling ends the request {@code KeyHolderConfirmationFailed} (the reference has no cancelled status) and sends
 * the nodes a {@code Cancel} through the outbox in the same transaction (the command's key is the request id, so it
 * follows the request on its partition): they stop the session, store nothing, and a reshare does not move the keys.
 * The target group stays {@code New}, ready for a new request. A request still undecided after
 * {@code openwaas.tss-requests.timeout} is ended the same way ({@link TssRequestTimeouts}).
 */
@ApplicationScoped
public class TssRequestService {

    static final String CANCELLED = "cancelled by the client";
    static final String TIMED_OUT = "timed out";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyShareHolderGroupService groupService;
    private final VaultService vaultService;
    private final TssRequestRepository requests;
    private final Outbox outbox;

    public TssRequestService(KeyShareHolderGroupService groupService, VaultService vaultService,
                             TssRequestRepository requests, Outbox outbox) {
        this.groupService = groupService;
        this.vaultService = vaultService;
        this.requests = requests;
        this.outbox = outbox;
    }

    /** What the client asked for as its source group. */
    public record Source(String keyShareHolderGroupId, List<String> tssNodeIds) {
    }

    @WithTransaction
    public Uni<TssRequestEntity> create(String orgId, UUID vaultId, TssRequestType type, String targetGroupId,
                                        Source source, String description) {
        UUID targetId = groupId("target_key_share_holder_group_id", targetGroupId);
        UUID sourceId;
        if (type == TssRequestType.KEY_GEN) {
            if (source != null && (source.keyShareHolderGroupId() != null
                    || (source.tssNodeIds() != null && !source.tssNodeIds().isEmpty()))) {
                throw ApiException.invalid("source_key_share_holder_group", "must be empty for KeyGen");
            }
            sourceId = null;
        } else {
            if (source == null || source.keyShareHolderGroupId() == null || source.keyShareHolderGroupId().isEmpty()) {
                throw ApiException.missing("source_key_share_holder_group.key_share_holder_group_id");
            }
            sourceId = groupId("source_key_share_holder_group.key_share_holder_group_id", source.keyShareHolderGroupId());
            if (sourceId.equals(targetId)) {
                throw ApiException.invalid("source_key_share_holder_group.key_share_holder_group_id",
                        "must differ from target_key_share_holder_group_id");
            }
        }
        return groupService.lockVault(orgId, vaultId).chain(vault -> groupService.find(vault.id, targetId, true)
                .chain(groupService::withDetails)
                .chain(target -> requireNoneInProgress(target.group()).chain(() -> type == TssRequestType.KEY_GEN
                        ? keyGen(vault, target, description)
                        : groupService.find(vault.id, sourceId, false).chain(groupService::withDetails)
                                .chain(src -> reshare(vault, type, src, source.tssNodeIds(), target, description)))));
    }

    private Uni<TssRequestEntity> keyGen(VaultEntity vault, GroupWithHolders target, String description) {
        KeyShareHolderGroupEntity g = target.group();
        if (g.groupType != KeyShareHolderGroupType.MAIN_GROUP) {
            throw new ApiException(ErrorCode.INVALID_STATUS, "KeyGen needs the vault's Main Group; key share holder group "
                    + g.id + " is a " + g.groupType.wire());
        }
        if (g.status != KeyShareHolderGroupStatus.NEW) {
            throw new ApiException(ErrorCode.INVALID_STATUS, "KeyGen needs a New Main Group; key share holder group "
                    + g.id + " is " + g.status.wire());
        }
        if (vault.hasRootKeys()) {
            throw new ApiException(ErrorCode.INVALID_STATUS, "vault " + vault.id + " already has its root keys");
        }
        List<String> nodeIds = target.nodeIds();
        TssRequestEntity r = newRequest(vault, TssRequestType.KEY_GEN, g.id, null, null, nodeIds, description);
        TssRequest command = new TssRequest(r.id, io.openwaas.platform.events.tss.TssRequestType.KEY_GEN, vault.orgId,
                null, r.createdAt, null,
                new TssRequest.KeyGen(g.id.toString(), g.threshold, nodeIds, List.of(TssCurve.SECP256K1, TssCurve.ED25519)),
                null, null);
        return persistWithCommand(r, command);
    }

    private Uni<TssRequestEntity> reshare(VaultEntity vault, TssRequestType type, GroupWithHolders source,
                                          List<String> dealersAsked, GroupWithHolders target, String description) {
        KeyShareHolderGroupEntity s = source.group();
        KeyShareHolderGroupEntity t = target.group();
        if (type == TssRequestType.RECOVERY && s.groupType != KeyShareHolderGroupType.RECOVERY_GROUP) {
            throw new ApiException(ErrorCode.INVALID_STATUS, "Recovery restores the keys from a Recovery Group; "
                    + "key share holder group " + s.id + " is a " + s.groupType.wire() + " (use KeyGenFromKeyGroup)");
        }
        if (s.status != KeyShareHolderGroupStatus.VALID || source.keys().isEmpty() || !vault.hasRootKeys()) {
            throw new ApiException(ErrorCode.INVALID_STATUS, "the source key share holder group " + s.id
                    + " must be Valid and hold the vault's keys; it is " + s.status.wire());
        }
        if (t.status != KeyShareHolderGroupStatus.NEW) {
            throw new ApiException(ErrorCode.INVALID_STATUS, "the target key share holder group " + t.id
                    + " must be New; it is " + t.status.wire());
        }
        List<String> sourceNodes = source.nodeIds();
        List<String> dealers;
        if (dealersAsked == null || dealersAsked.isEmpty()) {
            dealers = sourceNodes.subList(0, s.threshold);
        } else {
            Set<String> seen = new HashSet<>();
            for (String d : dealersAsked) {
                if (d == null || !sourceNodes.contains(d)) {
                    throw ApiException.invalid("source_key_share_holder_group.tss_node_ids",
                            "'" + d + "' is not a holder of the source group");
                }
                if (!seen.add(d)) {
                    throw ApiException.invalid("source_key_share_holder_group.tss_node_ids", "'" + d + "' appears twice");
                }
            }
            if (dealersAsked.size() < s.threshold) {
                throw ApiException.invalid("source_key_share_holder_group.tss_node_ids",
                        "needs at least the source group's threshold (" + s.threshold + ") of nodes");
            }
            dealers = List.copyOf(dealersAsked);
        }
        List<String> newNodes = target.nodeIds();
        // Every holder of the source takes part: the nodes move the keys, so the old holders retire their shares.
        LinkedHashSet<String> participants = new LinkedHashSet<>(dealers);
        participants.addAll(sourceNodes);
        participants.addAll(newNodes);
        TssRequestEntity r = newRequest(vault, type, t.id, s.id, dealers,
                new ArrayList<>(participants), description);
        List<String> rootPubKeys = new ArrayList<>();
        if (vault.rootPubkeySecp256k1 != null) {
            rootPubKeys.add(vault.rootPubkeySecp256k1);
        }
        if (vault.rootPubkeyEd25519 != null) {
            rootPubKeys.add(vault.rootPubkeyEd25519);
        }
        TssRequest command = new TssRequest(r.id, io.openwaas.platform.events.tss.TssRequestType.KEY_RESHARE,
                vault.orgId, null, r.createdAt, null, null, null,
                new TssRequest.KeyReshare(s.id.toString(), t.id.toString(), rootPubKeys, s.threshold, dealers,
                        t.threshold, newNodes));
        return persistWithCommand(r, command);
    }

    @WithSession
    public Uni<TssRequestEntity> get(String orgId, UUID vaultId, String requestId) {
        return vaultService.find(orgId, vaultId).chain(vault -> find(vault.id, requestId, false));
    }

    /** Requests that target or copy from the group, oldest first. */
    @WithSession
    public Uni<Page<TssRequestEntity>> list(String orgId, UUID vaultId, String groupId, PageRequest page) {
        UUID group = groupId("key_share_holder_group_id", groupId);
        return vaultService.find(orgId, vaultId).chain(vault -> CursorPaging.page(requests,
                "vaultId = :vaultId and (targetGroupId = :group or sourceGroupId = :group)",
                Map.of("vaultId", vault.id, "group", group), page, r -> r.seq));
    }

    /** Cancels a request still waiting for its holders' confirmations. */
    @WithTransaction
    public Uni<TssRequestEntity> cancel(String orgId, UUID vaultId, String requestId) {
        return vaultService.find(orgId, vaultId).chain(vault -> find(vault.id, requestId, true)).map(r -> {
            if (r.status != TssRequestStatus.PENDING_KEY_HOLDER_CONFIRMATION) {
                throw new ApiException(ErrorCode.INVALID_STATUS, "TSS request " + r.id + " is " + r.status.wire()
                        + "; only a request that is PendingKeyHolderConfirmation can be cancelled");
            }
            r.status = TssRequestStatus.KEY_HOLDER_CONFIRMATION_FAILED;
            r.failureReason = CANCELLED;
            r.updatedAt = System.currentTimeMillis();
            return r;
        }).call(this::cancelAtNodes);
    }

    /** Appends the nodes' {@code Cancel} of the request (call in the transaction that ends it). */
    Uni<Void> cancelAtNodes(TssRequestEntity r) {
        return outbox.append(Topics.TSS_REQUESTS, EventType.TSS_REQUEST_SUBMITTED, r.id, r.orgId, 2,
                TssRequest.cancel(r.id, r.orgId, System.currentTimeMillis())).replaceWithVoid();
    }

    /** Whether this service stopped the request (cancelled or timed out) rather than a node's report. */
    static boolean stoppedHere(TssRequestEntity r) {
        return r.failureReason != null && (r.failureReason.equals(CANCELLED) || r.failureReason.startsWith(TIMED_OUT));
    }

    /**
     * Whether {@code id} has the shape of the ids {@link #newRequestId()} makes. Every TSS request wallet-service
     * sends (vault key generation, server-wallet keys and signatures) has one, so a report whose request id has not
     * is about another service's request and needs no database look-up.
     */
    public static boolean mayBeOurs(String id) {
        if (id == null || id.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A new 32-digit request id: the UTC time to the millisecond (17 digits) and 15 random digits. */
    static String newRequestId() {
        StringBuilder id = new StringBuilder(ID_TIME.format(Instant.now()));
        while (id.length() < 32) {
            id.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return id.toString();
    }

    private TssRequestEntity newRequest(VaultEntity vault, TssRequestType type, UUID target, UUID source,
                                        List<String> dealers, List<String> participants, String description) {
        long now = System.currentTimeMillis();
        TssRequestEntity r = new TssRequestEntity();
        r.id = newRequestId();
        r.orgId = vault.orgId;
        r.vaultId = vault.id;
        r.requestType = type;
        r.targetGroupId = target;
        r.sourceGroupId = source;
        r.sourceNodeIds = dealers == null ? null : TssRequestEntity.join(dealers);
        r.participantIds = TssRequestEntity.join(participants);
        r.status = TssRequestStatus.PENDING_KEY_HOLDER_CONFIRMATION;
        r.description = description;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    private Uni<TssRequestEntity> persistWithCommand(TssRequestEntity r, TssRequest command) {
        return requests.persist(r)
                .call(() -> outbox.append(Topics.TSS_REQUESTS, EventType.TSS_REQUEST_SUBMITTED, r.id, r.orgId, 1, command));
    }

    private Uni<Void> requireNoneInProgress(KeyShareHolderGroupEntity target) {
        return requests.find("targetGroupId = ?1 and status in ?2", target.id, java.util.EnumSet.of(
                        TssRequestStatus.PENDING_KEY_HOLDER_CONFIRMATION, TssRequestStatus.KEY_GENERATING,
                        TssRequestStatus.MPC_PROCESSING)).<TssRequestEntity>firstResult()
                .map(active -> {
                    if (active != null) {
                        throw new ApiException(ErrorCode.INVALID_STATUS, "TSS request " + active.id + " for key share "
                                + "holder group " + target.id + " is still " + active.status.wire()
                                + "; wait for it to end or cancel it");
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<TssRequestEntity> find(UUID vaultId, String requestId, boolean lock) {
        var query = requests.find("id = ?1 and vaultId = ?2", requestId, vaultId);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResult().onItem().ifNull().failWith(() -> ApiException.notFound("TSS request", requestId));
    }

    /** Our group ids are UUIDs; any other string names no group (404, as if absent). */
    private static UUID groupId(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.missing(field);
        }
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw ApiException.notFound("key share holder group", value);
    }
}

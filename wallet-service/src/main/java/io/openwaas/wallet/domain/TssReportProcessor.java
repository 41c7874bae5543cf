package io.openwaas.wallet.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.auth.CurveType;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.wallet.VaultKeys;
import io.openwaas.platform.inbox.Inbox;
import io.openwaas.platform.outbox.Outbox;
import io.openwaas.wallet.persistence.KeyShareHolderGroupEntity;
import io.openwaas.wallet.persistence.KeyShareHolderGroupRepository;
import io.openwaas.wallet.persistence.TssKeyShareGroupEntity;
import io.openwaas.wallet.persistence.TssKeyShareGroupRepository;
import io.openwaas.wallet.persistence.TssRequestEntity;
import io.openwaas.wallet.persistence.TssRequestReportEntity;
import io.openwaas.wallet.persistence.TssRequestReportRepository;
import io.openwaas.wallet.persistence.TssRequestRepository;
import io.openwaas.wallet.persistence.VaultEntity;
import io.openwaas.wallet.persistence.VaultRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one node's report ({@link TssResult} on {@code tss.results}) to the TSS request it is about, inside the
 * caller's database transaction. The request row is locked, the event id goes into the inbox (a redelivery has no
 * second effect), each holder's latest report is kept, and the request's status follows from all of them:
 * <ul>
 *   <li>a {@code Rejected} → {@code KeyHolderConfirmationFailed};</li>
 *   <li>a {@code Failed} → {@code KeyGeneratingFailed};</li>
 *   <li>every participant at least {@code Confirmed} → {@code KeyGenerating};</li>
 *   <li>every holder of the target group {@code Succeeded} with the same keys (curve, public key and root extended
 *   public key per curve) → {@code Success}: the target group becomes {@code Valid} with those keys, and for a
 *   {@code KeyGen} the vault gets its root public keys. Disagreeing or missing keys → {@code KeyGeneratingFailed}.</li>
 * </ul>
 * Participants are the target group's holders, plus every holder of a reshare's source group (their own keys are
 * not compared: a node leaving the holder set holds nothing afterwards); {@code KeyGenerating} needs the new holders'
 * and the dealers' confirmations. A successful reshare leaves the source group {@code Unavailable}: the nodes moved
 * the keys (see {@link TssRequestService}). Reports on requests this service does not know (e.g.
 * another service's signing requests), from nodes that are not participants, of the wrong type, or on a request
 * already decided (also a cancelled one) change nothing.
 */
@ApplicationScoped
public class TssReportProcessor {

    /** The inbox consumer name of the tss.results consumer. */
    public static final String CONSUMER = "wallet-service.tss-results";
    private static final Logger LOG = Logger.getLogger(TssReportProcessor.class);
    private static final TypeReference<List<TssResult.Key>> KEYS = new TypeReference<>() {
    };

    private final TssRequestRepository requests;
    private final TssRequestReportRepository reports;
    private final KeyShareHolderGroupRepository groups;
    private final TssKeyShareGroupRepository keys;
    private final VaultRepository vaults;
    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final Outbox outbox;

    public TssReportProcessor(TssRequestRepository requests, TssRequestReportRepository reports,
                              KeyShareHolderGroupRepository groups, TssKeyShareGroupRepository keys,
                              VaultRepository vaults, Inbox inbox, ObjectMapper mapper, Outbox outbox) {
        this.requests = requests;
        this.reports = reports;
        this.groups = groups;
        this.keys = keys;
        this.vaults = vaults;
        this.inbox = inbox;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /** Applies the report; call inside a transaction. */
    public Uni<Void> apply(TssResult result, UUID eventId) {
        if (result.requestId() == null || result.nodeId() == null || result.status() == null) {
            LOG.warnf("ignoring tss.results event %s without request id, node id or status", eventId);
            return Uni.createFrom().voidItem();
        }
        if (result.type() == io.openwaas.platform.events.tss.TssRequestType.KEY_SIGN) {
            return Uni.createFrom().voidItem(); // a vault's TSS requests are key generations and reshares only
        }
        return requests.find("id", result.requestId()).withLock(LockModeType.PESSIMISTIC_WRITE).<TssRequestEntity>firstResult()
                .chain(request -> {
                    if (request == null) {
                        LOG.debugf("tss.results event %s is about request %s, not one of ours", eventId, result.requestId());
                        return Uni.createFrom().voidItem();
                    }
                    return inbox.firstDelivery(CONSUMER, eventId).chain(first -> {
                        if (!first) {
                            LOG.debugf("tss.results event %s delivered again, ignored", eventId);
                            return Uni.createFrom().voidItem();
                        }
                        return applyTo(request, result);
                    });
                });
    }

    private Uni<Void> applyTo(TssRequestEntity request, TssResult result) {
        List<String> participants = TssRequestEntity.split(request.participantIds);
        if (!participants.contains(result.nodeId())) {
            LOG.warnf("ignoring report of node %s on TSS request %s: not one of its participants %s", result.nodeId(),
                    request.id, participants);
            return Uni.createFrom().voidItem();
        }
        var expected = request.requestType == TssRequestType.KEY_GEN
                ? io.openwaas.platform.events.tss.TssRequestType.KEY_GEN
                : io.openwaas.platform.events.tss.TssRequestType.KEY_RESHARE;
        if (result.type() != null && result.type() != expected) {
            LOG.warnf("ignoring %s report of node %s on TSS request %s, which is a %s", result.type(), result.nodeId(),
                    request.id, expected);
            return Uni.createFrom().voidItem();
        }
        if (!request.status.active()) {
            LOG.infof("TSS request %s is %s already; report %s of node %s ignored", request.id, request.status.wire(),
                    result.status(), result.nodeId());
            return Uni.createFrom().voidItem();
        }
        return reports.list("requestId", request.id).chain(all -> record(request, all, result))
                .chain(all -> decide(request, all));
    }

    /** Keeps the node's latest report: a terminal report is never replaced by a later Confirmed. */
    private Uni<List<TssRequestReportEntity>> record(TssRequestEntity request, List<TssRequestReportEntity> all,
                                                     TssResult result) {
        List<TssRequestReportEntity> list = new ArrayList<>(all);
        TssRequestReportEntity report = list.stream().filter(r -> r.nodeId.equals(result.nodeId())).findFirst().orElse(null);
        if (report != null && report.status.terminal() && !result.status().terminal()) {
            return Uni.createFrom().item(list);
        }
        boolean isNew = report == null;
        if (isNew) {
            report = new TssRequestReportEntity();
            report.requestId = request.id;
            report.nodeId = result.nodeId();
            list.add(report);
        }
        report.status = result.status();
        report.error = result.error();
        try {
            report.keysJson = result.keys() == null ? null : mapper.writeValueAsString(result.keys());
        } catch (Exception e) {
            report.keysJson = null;
        }
        report.reportedAt = result.timestamp() > 0 ? result.timestamp() : System.currentTimeMillis();
        return isNew ? reports.persist(report).replaceWith(list) : Uni.createFrom().item(list);
    }

    private Uni<Void> decide(TssRequestEntity request, List<TssRequestReportEntity> all) {
        Optional<TssRequestReportEntity> rejected = first(all, TssResultStatus.REJECTED);
        if (rejected.isPresent()) {
            return fail(request, TssRequestStatus.KEY_HOLDER_CONFIRMATION_FAILED,
                    "node " + rejected.get().nodeId + " rejected: " + Objects.toString(rejected.get().error, "no reason given"));
        }
        Optional<TssRequestReportEntity> failed = first(all, TssResultStatus.FAILED);
        if (failed.isPresent()) {
            return fail(request, TssRequestStatus.KEY_GENERATING_FAILED,
                    "node " + failed.get().nodeId + " failed: " + Objects.toString(failed.get().error, "no reason given"));
        }
        return groups.findById(request.targetGroupId).chain(target -> holderIds(target).chain(holders -> {
            boolean allSucceeded = holders.stream().allMatch(h -> all.stream()
                    .anyMatch(r -> r.nodeId.equals(h) && r.status == TssResultStatus.SUCCEEDED));
            if (allSucceeded) {
                return succeed(request, target, holders, all);
            }
            // Generating once the nodes that must act have confirmed: the dealers and the new holders.
            List<String> required = new ArrayList<>(TssRequestEntity.split(request.sourceNodeIds));
            required.addAll(holders);
            boolean allConfirmed = required.stream().allMatch(p -> all.stream().anyMatch(r -> r.nodeId.equals(p)));
            if (allConfirmed && request.status == TssRequestStatus.PENDING_KEY_HOLDER_CONFIRMATION) {
                request.status = TssRequestStatus.KEY_GENERATING;
                request.updatedAt = System.currentTimeMillis();
                LOG.infof("TSS request %s: every holder confirmed, keys generating", request.id);
            }
            return Uni.createFrom().voidItem();
        }));
    }

    private Uni<Void> succeed(TssRequestEntity request, KeyShareHolderGroupEntity target, List<String> holders,
                              List<TssRequestReportEntity> all) {
        Map<CurveType, TssResult.Key> agreed = null;
        String firstNode = null;
        for (String h : holders) {
            TssRequestReportEntity r = all.stream().filter(x -> x.nodeId.equals(h)).findFirst().orElseThrow();
            Map<CurveType, TssResult.Key> reported;
            try {
                reported = byCurve(r.keysJson);
            } catch (Exception e) {
                return fail(request, TssRequestStatus.KEY_GENERATING_FAILED, "node " + h + " reported malformed keys");
            }
            if (agreed == null) {
                agreed = reported;
                firstNode = h;
            } else if (!sameKeys(agreed, reported)) {
                return fail(request, TssRequestStatus.KEY_GENERATING_FAILED, "nodes " + firstNode + " and " + h
                        + " reported different keys");
            }
        }
        Map<CurveType, TssResult.Key> result = agreed;
        return vaults.findById(request.vaultId).chain(vault -> {
            String problem = checkKeys(request, vault, result);
            if (problem != null) {
                return fail(request, TssRequestStatus.KEY_GENERATING_FAILED, problem);
            }
            long now = System.currentTimeMillis();
            List<TssKeyShareGroupEntity> rows = new ArrayList<>();
            for (Map.Entry<CurveType, TssResult.Key> e : result.entrySet()) {
                TssKeyShareGroupEntity k = new TssKeyShareGroupEntity();
                k.groupId = target.id;
                k.curve = e.getKey();
                k.keyId = e.getValue().keyId();
                k.publicKey = e.getValue().publicKey();
                k.rootPubkey = e.getValue().rootPubkey();
                k.createdAt = now;
                rows.add(k);
            }
            if (request.requestType == TssRequestType.KEY_GEN) {
                vault.rootPubkeySecp256k1 = result.get(CurveType.SECP256K1).rootPubkey();
                vault.rootPubkeyEd25519 = result.get(CurveType.ED25519).rootPubkey();
                vault.updatedAt = now;
            }
            target.status = KeyShareHolderGroupStatus.VALID;
            target.updatedAt = now;
            request.status = TssRequestStatus.SUCCESS;
            request.updatedAt = now;
            LOG.infof("TSS request %s succeeded: key share holder group %s is Valid", request.id, target.id);
            Uni<Void> source = request.sourceGroupId == null ? Uni.createFrom().voidItem()
                    : groups.findById(request.sourceGroupId).invoke(s -> {
                        // The nodes moved the keys: the old holders deleted their shares.
                        if (s.status == KeyShareHolderGroupStatus.VALID) {
                            s.status = KeyShareHolderGroupStatus.UNAVAILABLE;
                            s.updatedAt = now;
                            LOG.infof("key share holder group %s gave its keys to %s: Unavailable", s.id, target.id);
                        }
                    }).replaceWithVoid();
            return source.chain(() -> keys.persist(rows)).chain(() -> publishKeys(vault, target, holders, now));
        });
    }

    /** The vault's keys and their new holders on {@code wallet.vaults}, in this transaction (outbox). */
    private Uni<Void> publishKeys(VaultEntity vault, KeyShareHolderGroupEntity group, List<String> holders, long now) {
        vault.keysVersion += 1;
        VaultKeys state = new VaultKeys(vault.id.toString(), vault.orgId, vault.rootPubkeySecp256k1,
                vault.rootPubkeyEd25519, group.id.toString(), group.groupType.wire(), group.threshold,
                List.copyOf(holders), vault.keysVersion, now);
        return outbox.append(Topics.WALLET_VAULTS, EventType.WALLET_VAULT_KEYS_UPDATED, vault.id.toString(),
                vault.orgId, vault.keysVersion, state).replaceWithVoid();
    }

    /** Null if the agreed keys are what the request was to produce, else why not. */
    private static String checkKeys(TssRequestEntity request, VaultEntity vault, Map<CurveType, TssResult.Key> keys) {
        for (CurveType curve : List.of(CurveType.SECP256K1, CurveType.ED25519)) {
            TssResult.Key k = keys.get(curve);
            if (k == null || k.publicKey() == null || k.rootPubkey() == null || k.keyId() == null) {
                return "no complete " + curve + " key was reported";
            }
        }
        if (keys.size() != 2) {
            return "unexpected curves reported: " + keys.keySet();
        }
        if (request.requestType == TssRequestType.KEY_GEN) {
            if (vault.hasRootKeys()) {
                return "vault " + vault.id + " has root keys already";
            }
        } else if (!keys.get(CurveType.SECP256K1).rootPubkey().equals(vault.rootPubkeySecp256k1)
                || !keys.get(CurveType.ED25519).rootPubkey().equals(vault.rootPubkeyEd25519)) {
            return "the reshared keys are not the vault's root keys";
        }
        return null;
    }

    private Map<CurveType, TssResult.Key> byCurve(String json) throws Exception {
        Map<CurveType, TssResult.Key> map = new EnumMap<>(CurveType.class);
        if (json == null) {
            return map;
        }
        for (TssResult.Key k : mapper.readValue(json, KEYS)) {
            if (k.curve() == null) {
                throw new IllegalArgumentException("key without curve");
            }
            CurveType curve = k.curve() == TssCurve.SECP256K1 ? CurveType.SECP256K1 : CurveType.ED25519;
            if (map.put(curve, k) != null) {
                throw new IllegalArgumentException("two keys for one curve");
            }
        }
        return map;
    }

    private static boolean sameKeys(Map<CurveType, TssResult.Key> a, Map<CurveType, TssResult.Key> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (CurveType c : a.keySet()) {
            TssResult.Key x = a.get(c);
            TssResult.Key y = b.get(c);
            if (!Objects.equals(x.publicKey(), y.publicKey()) || !Objects.equals(x.rootPubkey(), y.rootPubkey())) {
                return false;
            }
            if (!Objects.equals(x.keyId(), y.keyId())) {
                LOG.warnf("nodes report key ids %s and %s for one %s key", x.keyId(), y.keyId(), c);
            }
        }
        return true;
    }

    private Uni<Void> fail(TssRequestEntity request, TssRequestStatus status, String reason) {
        request.status = status;
        request.failureReason = reason;
        request.updatedAt = System.currentTimeMillis();
        LOG.warnf("TSS request %s: %s (%s)", request.id, status.wire(), reason);
        return Uni.createFrom().voidItem();
    }

    private Uni<List<String>> holderIds(KeyShareHolderGroupEntity target) {
        return groups.getSession().chain(s -> s.createQuery(
                        "select h.tssNodeId from KeyShareHolderEntity h where h.groupId = :g order by h.position", String.class)
                .setParameter("g", target.id).getResultList());
    }

    private static Optional<TssRequestReportEntity> first(List<TssRequestReportEntity> all, TssResultStatus status) {
        return all.stream().filter(r -> r.status == status).findFirst();
    }
}

package io.openwaas.wallet.domain;

import io.openwaas.crypto.ec.Secp256k1;
import io.openwaas.crypto.ec.Secp256k1Point;
import io.openwaas.crypto.ecdsa.Ecdsa;
import io.openwaas.crypto.ecdsa.EcdsaSignature;
import io.openwaas.crypto.address.Addresses;
import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.ErrorCode;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.events.tss.TssSignatureType;
import io.openwaas.platform.inbox.Inbox;
import io.openwaas.platform.outbox.Outbox;
import io.openwaas.platform.outbox.OutboxRelay;
import io.openwaas.wallet.config.ServerWalletConfig;
import io.openwaas.wallet.persistence.ServerWalletEntity;
import io.openwaas.wallet.persistence.ServerWalletRepository;
import io.openwaas.wallet.persistence.ServerWalletSignatureEntity;
import io.openwaas.wallet.persistence.ServerWalletSignatureRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Per-user server wallets (seed 001): a 2-of-2 secp256k1 threshold key between two TSS nodes per (organisation,
 * user), made by a KeyGen on {@code tss.requests} and used for EIP-191 {@code personal_sign} by a KeySign. The
 * commands go out through the outbox in the transaction that records them; the nodes' reports come back on
 * {@code tss.results} ({@link #apply}, idempotent by event id) and wake the waiting request. A user has one
 * wallet, ever: asking again returns it (and a failed key generation is retried, never doubled).
 */
@ApplicationScoped
public class ServerWalletService {

    public static final String CONSUMER = "wallet-service.server-wallets";
    private static final Logger LOG = Logger.getLogger(ServerWalletService.class);
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,128}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final HexFormat HEX = HexFormat.of();

    /** A wallet and whether this call made it. */
    public record Created(ServerWalletEntity wallet, boolean created) {
    }

    /** A signed message. */
    public record Signed(ServerWalletEntity wallet, String signature) {
    }

    private final ServerWalletRepository wallets;
    private final ServerWalletSignatureRepository signatures;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Inbox inbox;
    private final ServerWalletConfig config;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;
    private final Map<String, CompletableFuture<Void>> waiters = new ConcurrentHashMap<>();

    public ServerWalletService(ServerWalletRepository wallets, ServerWalletSignatureRepository signatures,
                               Outbox outbox, OutboxRelay relay, Inbox inbox, ServerWalletConfig config,
                               com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.wallets = wallets;
        this.signatures = signatures;
        this.outbox = outbox;
        this.relay = relay;
        this.inbox = inbox;
        this.config = config;
        this.mapper = mapper;
    }

    // ------------------------------------------------------------------ create

    public Uni<Created> create(String orgId, String userId) {
        if (userId == null || userId.isEmpty()) {
            throw ApiException.missing("userId");
        }
        if (!USER_ID.matcher(userId).matches()) {
            throw ApiException.invalid("userId", "1 to 128 characters of A-Z a-z 0-9 . _ : @ + -");
        }
        return Panache.withTransaction(() -> findByUser(orgId, userId, true).chain(existing -> {
                    if (existing != null && !ServerWalletEntity.FAILED.equals(existing.status)) {
                        return Uni.createFrom().item(new Created(existing, false));
                    }
                    ServerWalletEntity w = existing != null ? existing : newWallet(orgId, userId);
                    w.status = ServerWalletEntity.CREATING;
                    w.failureReason = null;
                    w.keygenRequestId = TssRequestService.newRequestId();
                    w.nodeIds = String.join(",", config.nodes());
                    w.updatedAt = System.currentTimeMillis();
                    Uni<ServerWalletEntity> saved = existing != null ? Uni.createFrom().item(w) : wallets.persist(w);
                    return saved.call(this::sendKeyGen).map(x -> new Created(x, existing == null));
                }))
                .onFailure(ServerWalletService::isUniqueViolation)
                .recoverWithUni(() -> Panache.withSession(() -> findByUser(orgId, userId, false))
                        .map(w -> new Created(w, false)))
                .invoke(relay::wake)
                .chain(c -> awaitWallet(c.wallet().id, deadline()).map(w -> new Created(w, c.created())));
    }

    private static ServerWalletEntity newWallet(String orgId, String userId) {
        ServerWalletEntity w = new ServerWalletEntity();
        w.id = UUID.randomUUID();
        w.orgId = orgId;
        w.userId = userId;
        w.createdAt = System.currentTimeMillis();
        return w;
    }

    private Uni<?> sendKeyGen(ServerWalletEntity w) {
        List<String> nodes = List.of(w.nodeIds.split(","));
        TssRequest command = new TssRequest(w.keygenRequestId, TssRequestType.KEY_GEN, w.orgId, w.userId,
                System.currentTimeMillis(), null,
                new TssRequest.KeyGen("server-wallet:" + w.id, 2, nodes, List.of(TssCurve.SECP256K1)), null, null);
        return outbox.append(Topics.TSS_REQUESTS, EventType.TSS_REQUEST_SUBMITTED, w.keygenRequestId, w.orgId, 1, command);
    }

    private static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && m.contains("server_wallet_org_id_user_id_key")) {
                return true;
            }
        }
        return false;
    }

    private Uni<ServerWalletEntity> findByUser(String orgId, String userId, boolean lock) {
        var q = wallets.find("orgId = ?1 and userId = ?2", orgId, userId);
        return lock ? q.withLock(LockModeType.PESSIMISTIC_WRITE).firstResult() : q.firstResult();
    }

    // ------------------------------------------------------------------ get

    /** {@link #resolve} in its own session (for reads). */
    public Uni<ServerWalletEntity> get(String orgId, String key) {
        return Panache.withSession(() -> resolve(orgId, key));
    }

    /** By user id, wallet id (UUID) or 0x address; 404 when none of them names a wallet of the organisation. */
    public Uni<ServerWalletEntity> resolve(String orgId, String key) {
        if (key == null || key.isEmpty() || key.length() > 128) {
            throw ApiException.invalid("walletIdOrAddress", "a userId, a walletId (UUID) or an address (0x…)");
        }
        Uni<ServerWalletEntity> found;
        if (ADDRESS.matcher(key).matches()) {
            found = wallets.find("orgId = ?1 and lower(address) = ?2", orgId, key.toLowerCase()).firstResult();
        } else {
            UUID id = uuidOrNull(key);
            Uni<ServerWalletEntity> byId = id == null ? Uni.createFrom().nullItem()
                    : wallets.find("orgId = ?1 and id = ?2", orgId, id).firstResult();
            found = byId.chain(w -> w != null ? Uni.createFrom().item(w) : findByUser(orgId, key, false));
        }
        return found.map(w -> {
            if (w == null) {
                throw ApiException.notFound("server wallet", key);
            }
            return w;
        });
    }

    private static UUID uuidOrNull(String s) {
        try {
            UUID u = UUID.fromString(s);
            return u.toString().equalsIgnoreCase(s) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ sign

    /** EIP-191 {@code personal_sign} of a UTF-8 message by the wallet's two nodes. */
    public Uni<Signed> sign(String orgId, String key, String message) {
        if (message == null) {
            throw ApiException.missing("message");
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_MESSAGE_BYTES) {
            throw ApiException.invalid("message", "1 to " + MAX_MESSAGE_BYTES + " bytes of UTF-8");
        }
        byte[] hash = io.openwaas.crypto.hash.Hashes.ethPersonalMessage(bytes);
        String requestId = TssRequestService.newRequestId();
        return Panache.withTransaction(() -> resolve(orgId, key).chain(w -> {
                    if (!ServerWalletEntity.READY.equals(w.status)) {
                        throw new ApiException(ErrorCode.INVALID_STATUS, "the wallet's key is not ready (" + w.status + ")");
                    }
                    ServerWalletSignatureEntity s = new ServerWalletSignatureEntity();
                    s.requestId = requestId;
                    s.walletId = w.id;
                    s.messageHash = HEX.formatHex(hash);
                    s.status = ServerWalletSignatureEntity.PENDING;
                    s.createdAt = System.currentTimeMillis();
                    s.updatedAt = s.createdAt;
                    var extra = mapper.createObjectNode()
                            .put("operation", "personal_sign").put("server_wallet_id", w.id.toString())
                            .put("user_id", w.userId).put("from_address", w.address);
                    TssRequest command = new TssRequest(requestId, TssRequestType.KEY_SIGN, orgId, null,
                            System.currentTimeMillis(), null, null,
                            new TssRequest.KeySign("server-wallet:" + w.id, w.rootPubkey, List.of(w.nodeIds.split(",")),
                                    List.of("m"), List.of(s.messageHash), List.of(), TssSignatureType.ECDSA, extra),
                            null);
                    return signatures.persist(s)
                            .call(() -> outbox.append(Topics.TSS_REQUESTS, EventType.TSS_REQUEST_SUBMITTED, requestId,
                                    orgId, 1, command))
                            .replaceWith(w);
                }))
                .invoke(relay::wake)
                .chain(w -> awaitSignature(requestId, deadline()).map(s -> new Signed(w, s.signature)));
    }

    // ------------------------------------------------------------------ waiting

    private long deadline() {
        return System.currentTimeMillis() + config.timeout().toMillis();
    }

    private Uni<ServerWalletEntity> awaitWallet(UUID id, long deadline) {
        return Panache.withSession(() -> wallets.findById(id)).chain(w -> {
            if (ServerWalletEntity.READY.equals(w.status)) {
                waiters.remove(w.keygenRequestId);
                return Uni.createFrom().item(w);
            }
            if (ServerWalletEntity.FAILED.equals(w.status)) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.PROCESSING_ERROR,
                        "key generation failed: " + w.failureReason + " (ask again to retry)"));
            }
            if (System.currentTimeMillis() > deadline) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.PROCESSING_ERROR,
                        "key generation is still running; ask again for the same userId later"));
            }
            return signal(w.keygenRequestId).chain(() -> awaitWallet(id, deadline));
        });
    }

    private Uni<ServerWalletSignatureEntity> awaitSignature(String requestId, long deadline) {
        return Panache.withSession(() -> signatures.findById(requestId)).chain(s -> {
            if (!ServerWalletSignatureEntity.PENDING.equals(s.status)) {
                waiters.remove(requestId);
            }
            if (ServerWalletSignatureEntity.SIGNED.equals(s.status)) {
                return Uni.createFrom().item(s);
            }
            if (ServerWalletSignatureEntity.FAILED.equals(s.status)) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.PROCESSING_ERROR,
                        "signing failed: " + s.failureReason));
            }
            if (System.currentTimeMillis() > deadline) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.PROCESSING_ERROR,
                        "the nodes did not sign in time (request " + requestId + ")"));
            }
            return signal(requestId).chain(() -> awaitSignature(requestId, deadline));
        });
    }

    /**
     * Completes when the report consumer has applied a report of the request, or after {@link #POLL} (another
     * replica may have applied it) — back on the caller's Vert.x context, where the next read must run.
     */
    private Uni<Void> signal(String requestId) {
        Context context = Vertx.currentContext();
        CompletableFuture<Void> f = waiters.computeIfAbsent(requestId, k -> new CompletableFuture<>());
        // a copy: the timeout cancels what it waits on, and the shared future must stay for the other waiters
        return Uni.createFrom().completionStage(f.copy())
                .ifNoItem().after(POLL).recoverWithItem((Void) null)
                .emitOn(r -> context.runOnContext(v -> r.run()))
                .replaceWithVoid();
    }

    /** Wakes the requests waiting for {@code requestId} (after the report's transaction committed). */
    public void wake(String requestId) {
        CompletableFuture<Void> f = waiters.remove(requestId);
        if (f != null) {
            f.complete(null);
        }
    }

    // ------------------------------------------------------------------ reports

    /** Applies a node's report if it concerns a server wallet (inside the consumer's transaction). */
    public Uni<Void> apply(TssResult r, UUID eventId) {
        if (r.requestId() == null || r.nodeId() == null || r.status() == null || r.type() == null) {
            return Uni.createFrom().voidItem();
        }
        if (r.type() == TssRequestType.KEY_GEN) {
            return wallets.find("keygenRequestId", r.requestId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                    .<ServerWalletEntity>firstResult()
                    .chain(w -> w == null ? Uni.createFrom().voidItem()
                            : inbox.firstDelivery(CONSUMER, eventId).chain(first -> first ? keyGenReport(w, r)
                            : Uni.createFrom().voidItem()));
        }
        if (r.type() == TssRequestType.KEY_SIGN) {
            return signatures.find("requestId", r.requestId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                    .<ServerWalletSignatureEntity>firstResult()
                    .chain(s -> s == null ? Uni.createFrom().voidItem()
                            : inbox.firstDelivery(CONSUMER, eventId).chain(first -> first ? signReport(s, r)
                            : Uni.createFrom().voidItem()));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> keyGenReport(ServerWalletEntity w, TssResult r) {
        List<String> holders = List.of(w.nodeIds.split(","));
        if (!ServerWalletEntity.CREATING.equals(w.status) || !holders.contains(r.nodeId())) {
            return Uni.createFrom().voidItem();
        }
        TssResult.Key key = r.keys() == null || r.keys().isEmpty() ? null : r.keys().get(0);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO server_wallet_report (request_id, node_id, status, public_key, root_pubkey, error) "
                                + "VALUES (:r, :n, :s, :p, :k, :e) ON CONFLICT (request_id, node_id) DO UPDATE SET "
                                + "status = EXCLUDED.status, public_key = EXCLUDED.public_key, "
                                + "root_pubkey = EXCLUDED.root_pubkey, error = EXCLUDED.error")
                .setParameter("r", r.requestId()).setParameter("n", r.nodeId()).setParameter("s", r.status().name())
                .setParameter("p", key == null ? null : key.publicKey())
                .setParameter("k", key == null ? null : key.rootPubkey())
                .setParameter("e", r.error())
                .executeUpdate()
                .chain(() -> session.createNativeQuery("SELECT node_id, status, public_key, root_pubkey FROM "
                        + "server_wallet_report WHERE request_id = :r", Object[].class)
                        .setParameter("r", r.requestId()).getResultList()))
                .invoke(rows -> decideKeyGen(w, r, holders, rows))
                .replaceWithVoid();
    }

    private static void decideKeyGen(ServerWalletEntity w, TssResult r, List<String> holders, List<Object[]> rows) {
        long now = System.currentTimeMillis();
        if (r.status() == TssResultStatus.REJECTED || r.status() == TssResultStatus.FAILED) {
            w.status = ServerWalletEntity.FAILED;
            w.failureReason = r.nodeId() + ": " + r.error();
            w.updatedAt = now;
            return;
        }
        String publicKey = null;
        String root = null;
        int succeeded = 0;
        for (Object[] row : rows) {
            if (!TssResultStatus.SUCCEEDED.name().equals(row[1])) {
                continue;
            }
            succeeded++;
            if (publicKey == null) {
                publicKey = (String) row[2];
                root = (String) row[3];
            } else if (!publicKey.equals(row[2]) || !root.equals(row[3])) {
                w.status = ServerWalletEntity.FAILED;
                w.failureReason = "the two holders reported different keys";
                w.updatedAt = now;
                return;
            }
        }
        if (succeeded == holders.size() && publicKey != null) {
            Secp256k1Point point = (Secp256k1Point) Secp256k1.GROUP.decode(HEX.parseHex(publicKey));
            w.publicKey = publicKey;
            w.rootPubkey = root;
            w.address = Addresses.evm(point);
            w.status = ServerWalletEntity.READY;
            w.updatedAt = now;
            LOG.infof("server wallet %s of user %s is ready: %s", w.id, w.userId, w.address);
        }
    }

    private Uni<Void> signReport(ServerWalletSignatureEntity s, TssResult r) {
        if (!ServerWalletSignatureEntity.PENDING.equals(s.status)) {
            return Uni.createFrom().voidItem();
        }
        long now = System.currentTimeMillis();
        if (r.status() == TssResultStatus.REJECTED || r.status() == TssResultStatus.FAILED) {
            s.status = ServerWalletSignatureEntity.FAILED;
            s.failureReason = r.nodeId() + ": " + r.error();
            s.updatedAt = now;
            return Uni.createFrom().voidItem();
        }
        if (r.status() != TssResultStatus.SUCCEEDED || r.signatures() == null || r.signatures().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return wallets.findById(s.walletId).invoke(w -> {
            TssResult.Signature sig = r.signatures().get(0);
            byte[] rs = HEX.parseHex(sig.signature());
            EcdsaSignature ecdsa = new EcdsaSignature(new BigInteger(1, Arrays.copyOfRange(rs, 0, 32)),
                    new BigInteger(1, Arrays.copyOfRange(rs, 32, 64)), sig.recoveryId());
            Secp256k1Point key = (Secp256k1Point) Secp256k1.GROUP.decode(HEX.parseHex(w.publicKey));
            if (!Ecdsa.verify(key, HEX.parseHex(s.messageHash), ecdsa, true)) {
                s.status = ServerWalletSignatureEntity.FAILED;
                s.failureReason = "the nodes' signature does not verify under the wallet's key";
            } else {
                s.status = ServerWalletSignatureEntity.SIGNED;
                s.signature = "0x" + sig.signature() + HEX.toHexDigits((byte) (27 + sig.recoveryId()));
            }
            s.updatedAt = now;
        }).replaceWithVoid();
    }
}

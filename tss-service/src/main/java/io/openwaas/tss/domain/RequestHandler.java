package io.openwaas.tss.domain;

import io.openwaas.mpc.common.MpcAbortException;
import io.openwaas.mpc.common.PartyId;
import io.openwaas.mpc.ecdsa2p.SignContext;
import io.openwaas.platform.events.tss.TssCurve;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.json.JsonNames;
import io.openwaas.tss.callback.RiskCallback;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.node.NodeKeys;
import io.openwaas.tss.persistence.KeyRecord;
import io.openwaas.tss.persistence.TssStore;
import io.openwaas.tss.protocol.Keygen;
import io.openwaas.tss.protocol.PaillierPool;
import io.openwaas.tss.protocol.Reshare;
import io.openwaas.tss.protocol.RootKeys;
import io.openwaas.tss.protocol.SessionContext;
import io.openwaas.tss.protocol.Signer;
import io.openwaas.tss.protocol.StoredShare;
import io.openwaas.tss.session.SessionFailure;
import io.openwaas.tss.session.Sessions;
import io.openwaas.tss.transport.NodeDirectory;
import io.openwaas.tss.transport.PeerTransport;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the TSS requests this node is part of. Per request: record it (a request id seen before is never run again —
 * the node re-reports what it decided), ask the callback server for every task, report {@code Confirmed} or
 * {@code Rejected}, run the protocols with the peers, and in one database transaction store the result (key
 * shares, sealed) together with the {@code Succeeded}/{@code Failed} report in the outbox. A node that rejects or
 * fails tells the other participants at once, so they fail with its reason instead of waiting for the timeout.
 */
@ApplicationScoped
public class RequestHandler {

    private static final Logger LOG = Logger.getLogger(RequestHandler.class);

    private final TssConfig config;
    private final TssStore store;
    private final NodeDirectory directory;
    private final PeerTransport transport;
    private final Sessions sessions;
    private final RiskCallback callback;
    private final RequestReports reports;
    private final ReshareResolution resolution;
    private final ShareCache shares;
    private final SecureRandom rnd = new SecureRandom();
    private final AtomicInteger running = new AtomicInteger();
    private NodeKeys keys;
    private PaillierPool paillier;
    private ExecutorService workers;
    private SignContext.Mode ecdsaMode;

    public RequestHandler(TssConfig config, TssStore store, NodeDirectory directory, PeerTransport transport,
                          Sessions sessions, RiskCallback callback, RequestReports reports,
                          ReshareResolution resolution, ShareCache shares) {
        this.config = config;
        this.store = store;
        this.directory = directory;
        this.transport = transport;
        this.sessions = sessions;
        this.callback = callback;
        this.reports = reports;
        this.resolution = resolution;
        this.shares = shares;
    }

    public void start(NodeKeys keys) {
        this.keys = keys;
        reports.start(keys.nodeId());
        this.ecdsaMode = SignContext.Mode.valueOf(config.ecdsaMode());
        this.paillier = new PaillierPool(config.paillierPoolSize(), rnd);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "tss-session-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void stop() {
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (paillier != null) {
            paillier.close();
        }
    }

    public int runningSessions() {
        return running.get();
    }

    public int paillierReady() {
        return paillier == null ? 0 : paillier.size();
    }

    long timeoutMillis(TssRequest r) {
        return r.timeoutMs() != null && r.timeoutMs() > 0 ? r.timeoutMs() : config.sessionTimeout().toMillis();
    }

    /**
     * Entry point of the request consumer (its thread): decide whether to run, then run on a worker. Returns once the
     * decision is durable (the request claimed in the database, or deliberately not taken); a database failure is
     * thrown ({@link io.openwaas.tss.persistence.StoreFailure}), so that the consumer takes the record again rather
     * than losing it.
     */
    public void submit(TssRequest r, String json) {
        if (r.requestId() == null || r.requestId().isBlank() || r.type() == null) {
            LOG.warnf("ignored a tss.requests record without request id or type");
            return;
        }
        if (r.type() == TssRequestType.CANCEL) {
            cancel(r);
            return;
        }
        if (!involved(r)) {
            return;
        }
        if (System.currentTimeMillis() > r.createdTimestamp() + 2 * timeoutMillis(r) + 60_000) {
            LOG.debugf("ignored expired request %s", r.requestId());
            return;
        }
        if (!store.claimRequest(r.requestId(), r.type().name(), json)) {
            reReport(r);
            return;
        }
        running.incrementAndGet();
        workers.submit(() -> {
            try {
                run(r);
            } finally {
                running.decrementAndGet();
            }
        });
    }

    /**
     * A {@code Cancel}: a request of ours still running is marked {@code Cancelled} and its session stopped; it
     * reports {@code Cancelled} and stores nothing (a reshare keeps the old shares), unless it already stored its
     * result. A request unknown here or ended is left as it is.
     */
    private void cancel(TssRequest r) {
        if (store.cancelRequest(r.requestId(), RequestReports.CANCELLED_REASON)) {
            LOG.infof("request %s cancelled by its requester: stopping it", r.requestId());
            sessions.cancel(r.requestId(), RequestReports.CANCELLED_REASON);
        } else {
            LOG.debugf("Cancel of request %s, which is not running here", r.requestId());
        }
    }

    private boolean involved(TssRequest r) {
        String self = keys.nodeId();
        return switch (r.type()) {
            case KEY_GEN -> r.keyGen() != null && r.keyGen().nodeIds().contains(self);
            case KEY_SIGN -> r.keySign() != null && r.keySign().usedNodeIds().contains(self);
            case KEY_RESHARE -> r.keyReshare() != null && (r.keyReshare().newNodeIds().contains(self)
                    || r.keyReshare().usedNodeIds().contains(self)
                    || r.keyReshare().rootPubKeys().stream().anyMatch(k -> !store.keysByRoot(k, KeyRecord.ACTIVE).isEmpty()));
            case CANCEL -> false;
        };
    }

    /** A repeated request id: no second run; the stored report goes out again. */
    private void reReport(TssRequest r) {
        try {
            if (reports.reReport(r)) {
                LOG.infof("request %s repeated: re-reported, not running it again", r.requestId());
            } else {
                LOG.infof("request %s repeated while it runs: it reports once it ends", r.requestId());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warnf("cannot re-report %s: %s", r.requestId(), e.getMessage());
        }
    }

    private void run(TssRequest r) {
        SessionContext ctx = new SessionContext(r.requestId(), timeoutMillis(r), keys, directory, transport, sessions,
                paillier, rnd);
        long t0 = System.nanoTime();
        try {
            validate(r);
            RiskCallback.Decision decision = approve(r);
            if (!decision.approved()) {
                String reason = "callback server of " + keys.nodeId() + " rejected the request: " + decision.error();
                ctx.abortPeers(reason);
                reports.finish(r, TssResultStatus.REJECTED, reason, List.of(), null, null, null);
                return;
            }
            if (r.type() != TssRequestType.KEY_SIGN) {
                // key generation and resharing report that every holder takes part; a signature just reports its end
                reports.confirmed(r);
            }
            switch (r.type()) {
                case KEY_GEN -> keyGen(ctx, r);
                case KEY_SIGN -> keySign(ctx, r);
                case KEY_RESHARE -> keyReshare(ctx, r);
                case CANCEL -> throw new IllegalStateException("a Cancel is not run");
            }
            LOG.infof("request %s (%s) succeeded in %d ms", r.requestId(), JsonNames.of(r.type()),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (MpcAbortException e) {
            String reason = "protocol aborted: " + e.getMessage();
            ctx.abortPeers(reason);
            fail(r, reason, culprits(ctx, e));
        } catch (SessionFailure e) {
            if (!e.fromPeer()) {
                ctx.abortPeers(e.getMessage());
            }
            fail(r, e.getMessage(), e.culprits());
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!(e instanceof IllegalArgumentException)) {
                LOG.warnf("request %s failed: %s", r.requestId(), reason);
            }
            ctx.abortPeers(reason);
            fail(r, reason, List.of());
        } finally {
            sessions.end(r.requestId());
        }
    }

    private List<String> culprits(SessionContext ctx, MpcAbortException e) {
        List<String> out = new ArrayList<>();
        for (PartyId p : e.culprits()) {
            directory.all().values().stream().filter(peer -> peer.partyId().equals(p)).findFirst()
                    .ifPresentOrElse(peer -> out.add(peer.nodeId()), () -> out.add("party " + p));
        }
        return out;
    }

    private static void validate(TssRequest r) {
        switch (r.type()) {
            case KEY_GEN -> {
                TssRequest.KeyGen k = r.keyGen();
                require(k.curves() != null && !k.curves().isEmpty(), "KeyGen names no curve");
                require(new HashSet<>(k.nodeIds()).size() == k.nodeIds().size(), "KeyGen names a node twice");
                require(k.threshold() >= 2 && k.threshold() <= k.nodeIds().size(), "KeyGen threshold must be 2..n");
            }
            case KEY_SIGN -> {
                TssRequest.KeySign s = r.keySign();
                require(s.signatureType() != null, "KeySign names no signature type");
                require(s.rootPubKey() != null, "KeySign names no root key");
                require(s.msgHashList() != null && !s.msgHashList().isEmpty(), "KeySign has no message");
                require(s.bip32PathList() != null && s.bip32PathList().size() == s.msgHashList().size(),
                        "KeySign needs one BIP-32 path per message");
                require(s.tweakList() == null || s.tweakList().isEmpty()
                        || s.tweakList().size() == s.msgHashList().size(), "KeySign needs no tweak or one per message");
                require(new HashSet<>(s.usedNodeIds()).size() == s.usedNodeIds().size(), "KeySign names a node twice");
                require(RootKeys.curveOf(s.rootPubKey()) == s.signatureType().curve(),
                        JsonNames.of(s.signatureType()) + " signs with a " + s.signatureType().curve() + " key");
            }
            case KEY_RESHARE -> {
                TssRequest.KeyReshare k = r.keyReshare();
                require(k.rootPubKeys() != null && !k.rootPubKeys().isEmpty(), "KeyReshare names no key");
                require(k.newThreshold() >= 2 && k.newThreshold() <= k.newNodeIds().size(),
                        "KeyReshare new threshold must be 2..n");
                require(k.usedNodeIds().size() >= k.oldThreshold(), "KeyReshare needs at least the old threshold of dealers");
            }
            case CANCEL -> throw new IllegalArgumentException("a Cancel is not run");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private RiskCallback.Decision approve(TssRequest r) {
        switch (r.type()) {
            case KEY_GEN -> {
                for (TssCurve curve : r.keyGen().curves()) {
                    RiskCallback.Decision d = callback.keyGen(r, curve, r.requestId() + "/keygen/" + curve.name());
                    if (!d.approved()) {
                        return d;
                    }
                }
                return new RiskCallback.Decision(true, null);
            }
            case KEY_SIGN -> {
                return callback.keySign(r, r.requestId() + "/sign");
            }
            default -> {
                for (String root : r.keyReshare().rootPubKeys()) {
                    TssCurve curve = RootKeys.curveOf(root);
                    RiskCallback.Decision d = callback.keyReshare(r, curve, root,
                            r.requestId() + "/reshare/" + curve.name());
                    if (!d.approved()) {
                        return d;
                    }
                }
                return new RiskCallback.Decision(true, null);
            }
        }
    }

    // ------------------------------------------------------------------ the three commands

    private void keyGen(SessionContext ctx, TssRequest r) {
        TssRequest.KeyGen k = r.keyGen();
        List<Keygen.Generated> made = new ArrayList<>();
        try {
            for (TssCurve curve : k.curves()) {
                made.add(Keygen.run(ctx, curve, k.threshold(), k.nodeIds()));
            }
            List<TssResult.Key> keysOut = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (Keygen.Generated g : made) {
                keysOut.add(new TssResult.Key(g.curve(), k.groupId(), g.publicKey(), g.rootPubkey(), g.keyId(),
                        k.threshold(), k.nodeIds()));
            }
            reports.finish(r, TssResultStatus.SUCCEEDED, null, List.of(), keysOut, null, c -> {
                for (Keygen.Generated g : made) {
                    store.insertKey(c, new KeyRecord(g.keyId(), g.curve(), g.publicKey(), g.rootPubkey(), k.groupId(),
                            k.threshold(), k.nodeIds(), KeyRecord.ACTIVE, null, r.requestId(), now, now),
                            g.share().toBytes());
                }
            });
        } finally {
            made.forEach(g -> g.share().destroy());
        }
    }

    private void keySign(SessionContext ctx, TssRequest r) {
        TssRequest.KeySign s = r.keySign();
        KeyRecord key = activeKey(s.rootPubKey());
        require(key.nodeIds().containsAll(s.usedNodeIds()), "a signer does not hold a share of " + s.rootPubKey());
        require(s.usedNodeIds().size() >= key.threshold(), "fewer signers than the threshold " + key.threshold());
        StoredShare stored = shares.get(key.keyId());
        List<TssResult.Signature> signatures = new ArrayList<>();
        try {
            for (int i = 0; i < s.msgHashList().size(); i++) {
                String tweak = s.tweakList() == null || s.tweakList().isEmpty() ? "" : s.tweakList().get(i);
                TssResult.Signature sig = Signer.sign(ctx, stored, s.rootPubKey(), s.signatureType(), i,
                        s.msgHashList().get(i), s.bip32PathList().get(i), tweak, s.usedNodeIds(), ecdsaMode);
                if (sig != null) {
                    signatures.add(sig);
                }
            }
        } catch (MpcAbortException e) {
            if (stored.frozen()) {
                LOG.errorf("key %s FROZEN after a terminal two-party ECDSA abort: %s", key.keyId(), e.getMessage());
                store.freeze(key.keyId(), e.getMessage(), stored.toBytes());
                shares.invalidate(key.keyId());
            }
            throw e;
        }
        shares.refill(stored);
        reports.finish(r, TssResultStatus.SUCCEEDED, null, List.of(), null, signatures.isEmpty() ? null : signatures, null);
    }

    private KeyRecord activeKey(String root) {
        List<KeyRecord> active = store.keysByRoot(root, KeyRecord.ACTIVE);
        if (active.isEmpty()) {
            List<KeyRecord> frozen = store.keysByRoot(root, KeyRecord.FROZEN);
            if (!frozen.isEmpty()) {
                throw new IllegalArgumentException("key " + root + " is frozen: " + frozen.get(0).frozen());
            }
            throw new IllegalArgumentException(keys.nodeId() + " holds no active share of " + root);
        }
        return active.get(0);
    }

    private void keyReshare(SessionContext ctx, TssRequest r) {
        TssRequest.KeyReshare k = r.keyReshare();
        String self = keys.nodeId();
        boolean newHolder = k.newNodeIds().contains(self);
        List<TssResult.Key> keysOut = new ArrayList<>();
        for (String root : k.rootPubKeys()) {
            TssCurve curve = RootKeys.curveOf(root);
            List<KeyRecord> old = store.keysByRoot(root, KeyRecord.ACTIVE);
            StoredShare oldShare = old.isEmpty() ? null : StoredShare.parse(store.openShare(old.get(0).keyId()));
            Keygen.Generated made = null;
            try {
                made = Reshare.run(ctx, curve, root, oldShare == null ? null : oldShare.share(), k.usedNodeIds(),
                        k.newThreshold(), k.newNodeIds());
                long now = System.currentTimeMillis();
                if (made != null) {
                    Keygen.Generated g = made;
                    store.inTransaction(c -> {
                        if (reports.cancelled(c, r)) {
                            throw new SessionFailure(RequestReports.CANCELLED_REASON, List.of(), true);
                        }
                        store.insertKey(c, new KeyRecord(g.keyId(), curve, g.publicKey(), root, k.newGroupId(),
                                k.newThreshold(), k.newNodeIds(), KeyRecord.PENDING, null, r.requestId(), now, now),
                                g.share().toBytes());
                        return null;
                    });
                    // recorded before it is said: a restart then knows the others may have switched (ReshareResolution)
                    store.markConfirmed(g.keyId());
                    Reshare.confirmStored(ctx, curve, g.keyId());
                    keysOut.add(new TssResult.Key(curve, k.newGroupId(), g.publicKey(), root, g.keyId(),
                            k.newThreshold(), k.newNodeIds()));
                }
                if (!newHolder) {
                    store.setRunningStatus(r.requestId(), TssStore.AWAITING_SWITCH);
                }
                Reshare.awaitStored(ctx, curve, made == null ? null : made.keyId(), k.newNodeIds());
                String newKeyId = made == null ? null : made.keyId();
                // every new holder stored the new sharing: the switch is no longer stopped by a Cancel (the others
                // switch now too), see docs/mpc.md
                store.inTransaction(c -> {
                    if (newKeyId != null) {
                        store.setKeyStatus(c, newKeyId, KeyRecord.ACTIVE);
                    }
                    for (KeyRecord o : old) {
                        store.deleteKey(c, o.keyId());
                    }
                    return null;
                });
                old.forEach(o -> shares.invalidate(o.keyId()));
            } finally {
                if (oldShare != null) {
                    oldShare.destroy();
                }
                if (made != null) {
                    made.share().destroy();
                }
            }
        }
        reports.finishAfterSwitch(r, newHolder ? keysOut : List.of());
    }

    /**
     * A reshare that failed here: a new share this node never confirmed is discarded (no one can have switched to a
     * sharing it did not confirm); one it confirmed is settled from what the other holders report
     * ({@link ReshareResolution}), since they may have switched.
     */
    private void failReshare(TssRequest r, String reason, List<String> culprits) {
        ReshareResolution.Outcome outcome = resolution.settle(r, timeoutMillis(r));
        if (outcome.switched()) {
            LOG.infof("request %s failed at %s after every holder stored the new sharing (%s): switched to it",
                    r.requestId(), keys.nodeId(), reason);
            reports.finishAfterSwitch(r, outcome.keys());
            return;
        }
        String full = outcome.note() == null ? reason : reason + "; " + outcome.note();
        TssResultStatus reported = reports.finish(r, TssResultStatus.FAILED, full, culprits, null, null, null);
        LOG.infof("request %s %s at %s: %s", r.requestId(), JsonNames.of(reported), keys.nodeId(), full);
    }

    // ------------------------------------------------------------------ reports

    private void fail(TssRequest r, String reason, List<String> culprits) {
        if (r.type() == TssRequestType.KEY_RESHARE) {
            failReshare(r, reason, culprits);
            return;
        }
        TssResultStatus reported = reports.finish(r, TssResultStatus.FAILED, reason, culprits, null, null, null);
        LOG.infof("request %s %s at %s: %s", r.requestId(), JsonNames.of(reported), keys.nodeId(), reason);
    }

}

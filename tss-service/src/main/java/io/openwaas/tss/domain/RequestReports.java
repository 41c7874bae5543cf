package io.openwaas.tss.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.json.JsonNames;
import io.openwaas.platform.outbox.OutboxRelay;
import io.openwaas.tss.persistence.TssStore;
import io.openwaas.tss.session.SessionFailure;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What a node reports about a request on {@code tss.results}, always through the outbox in the transaction that
 * stores the request's status (and its effect, e.g. new key shares). A request a {@code Cancel} reached first ends
 * {@code Cancelled}: its effect is dropped and no key or signature is reported.
 */
@ApplicationScoped
public class RequestReports {

    /** The request status a {@code Cancel} sets (tss_request.status). */
    public static final String CANCELLED_STATUS = "Cancelled";
    public static final String CANCELLED_REASON = "cancelled by the requester";

    /** A change stored together with a report. */
    @FunctionalInterface
    public interface Effect {
        void apply(Connection c) throws SQLException;
    }

    private final TssStore store;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private volatile String nodeId;

    public RequestReports(TssStore store, OutboxRelay relay, ObjectMapper mapper) {
        this.store = store;
        this.relay = relay;
        this.mapper = mapper;
    }

    void start(String nodeId) {
        this.nodeId = nodeId;
    }

    /** {@code Confirmed}: the node takes part. Fails the session if a Cancel came first. */
    public void confirmed(TssRequest r) {
        TssResult result = new TssResult(r.requestId(), r.type(), nodeId, TssResultStatus.CONFIRMED, null, null, null,
                null, System.currentTimeMillis());
        store.inTransaction(c -> {
            if (cancelled(c, r)) {
                throw new SessionFailure(CANCELLED_REASON, List.of(), true);
            }
            store.updateRequest(c, r.requestId(), JsonNames.of(TssResultStatus.CONFIRMED), null, null);
            append(c, r, result);
            return null;
        });
        relay.wake();
    }

    /** A terminal report with its effect, in one transaction; what was reported (Cancelled if a Cancel came first). */
    public TssResultStatus finish(TssRequest r, TssResultStatus status, String error, List<String> culprits,
                                  List<TssResult.Key> keysOut, List<TssResult.Signature> signatures, Effect effect) {
        return finish(r, status, error, culprits, keysOut, signatures, effect, true);
    }

    /**
     * {@code Succeeded} of a reshare whose new sharing this node switched to: a Cancel cannot undo that (every
     * holder had stored the new sharing, the others switch too), so it is reported whatever came in between.
     */
    public void finishAfterSwitch(TssRequest r, List<TssResult.Key> keysOut) {
        finish(r, TssResultStatus.SUCCEEDED, null, List.of(), keysOut, null, null, false);
    }

    private TssResultStatus finish(TssRequest r, TssResultStatus status, String error, List<String> culprits,
                                   List<TssResult.Key> keysOut, List<TssResult.Signature> signatures, Effect effect,
                                   boolean obeyCancel) {
        TssResultStatus reported = store.inTransaction(c -> {
            boolean cancelled = cancelled(c, r) && obeyCancel;
            TssResult result = cancelled
                    ? new TssResult(r.requestId(), r.type(), nodeId, TssResultStatus.CANCELLED, CANCELLED_REASON, null,
                    null, null, System.currentTimeMillis())
                    : new TssResult(r.requestId(), r.type(), nodeId, status, error,
                    culprits == null || culprits.isEmpty() ? null : culprits, keysOut, signatures,
                    System.currentTimeMillis());
            if (!cancelled && effect != null) {
                effect.apply(c);
            }
            store.updateRequest(c, r.requestId(), cancelled ? CANCELLED_STATUS : JsonNames.of(status),
                    result.error(), json(result));
            append(c, r, result);
            return result.status();
        });
        relay.wake();
        return reported;
    }

    /** A repeated request id: the stored report goes out again (nothing when the request has not ended yet). */
    public boolean reReport(TssRequest r) throws com.fasterxml.jackson.core.JsonProcessingException {
        Optional<TssStore.RequestRow> row = store.request(r.requestId());
        if (row.isEmpty() || row.get().result() == null) {
            return false;
        }
        TssResult stored = mapper.readValue(row.get().result(), TssResult.class);
        store.inTransaction(c -> {
            append(c, r, stored);
            return null;
        });
        relay.wake();
        return true;
    }

    /** Inside a transaction: whether a Cancel reached the request (and keeps its row locked until the commit). */
    public boolean cancelled(Connection c, TssRequest r) throws SQLException {
        return store.lockRequestStatus(c, r.requestId()).map(CANCELLED_STATUS::equals).orElse(false);
    }

    private void append(Connection c, TssRequest r, TssResult result) throws SQLException {
        store.appendOutbox(c, Topics.TSS_RESULTS, EventType.TSS_RESULT_REPORTED, r.requestId(), r.orgId(),
                result.status() == TssResultStatus.CONFIRMED ? 1 : 2, "/tss-service/" + nodeId, result);
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

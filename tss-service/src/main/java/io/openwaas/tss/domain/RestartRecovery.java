package io.openwaas.tss.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.tss.TssRequest;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.tss.config.TssConfig;
import io.openwaas.tss.persistence.TssStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * At start, before the node takes requests: every request a previous run of this node claimed but never finished
 * (the process died: kill -9, power loss, OOM) is settled, so that no request stays {@code Running} for ever and the
 * requester hears the end. A protocol session cannot be resumed (its secrets lived in memory and the peers have
 * given up after their timeout), so a key generation or signature is reported {@code Failed} with the reason; a
 * reshare is first settled by {@link ReshareResolution} (it may turn out that every holder had stored the new
 * sharing and the others switched: then this node switches too and reports {@code Succeeded}).
 */
@ApplicationScoped
public class RestartRecovery {

    private static final Logger LOG = Logger.getLogger(RestartRecovery.class);

    private final TssConfig config;
    private final TssStore store;
    private final RequestReports reports;
    private final ReshareResolution resolution;
    private final RequestHandler handler;
    private final ObjectMapper mapper;

    public RestartRecovery(TssConfig config, TssStore store, RequestReports reports, ReshareResolution resolution,
                           RequestHandler handler, ObjectMapper mapper) {
        this.config = config;
        this.store = store;
        this.reports = reports;
        this.resolution = resolution;
        this.handler = handler;
        this.mapper = mapper;
    }

    /** Settles every unfinished request; the number settled. */
    public int recover() {
        int n = 0;
        for (TssStore.RequestRow row : store.unfinishedRequests()) {
            TssRequest r;
            try {
                r = mapper.readValue(row.request(), TssRequest.class);
            } catch (Exception e) {
                LOG.errorf("unfinished request %s has an unreadable stored command: %s", row.requestId(), e.getMessage());
                continue;
            }
            String reason = config.nodeId() + " restarted while the request was " + row.status()
                    + ": its protocol session was lost";
            if (r.type() == TssRequestType.KEY_RESHARE) {
                ReshareResolution.Outcome outcome = resolution.settle(r, handler.timeoutMillis(r));
                if (outcome.switched()) {
                    reports.finishAfterSwitch(r, outcome.keys());
                    LOG.infof("request %s (reshare) found interrupted after the switch: %s; reported Succeeded",
                            r.requestId(), outcome.note());
                } else {
                    String full = outcome.note() == null ? reason : reason + "; " + outcome.note();
                    reports.finish(r, TssResultStatus.FAILED, full, List.of(), null, null, null);
                    LOG.warnf("request %s failed after a restart: %s", r.requestId(), full);
                }
            } else {
                reports.finish(r, TssResultStatus.FAILED, reason, List.of(), null, null, null);
                LOG.warnf("request %s failed after a restart: %s", r.requestId(), reason);
            }
            n++;
        }
        return n;
    }
}

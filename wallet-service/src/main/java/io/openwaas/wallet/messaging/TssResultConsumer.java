package io.openwaas.wallet.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.wallet.domain.ServerWalletService;
import io.openwaas.wallet.domain.TssReportProcessor;
import io.openwaas.wallet.domain.TssRequestService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.openwaas.platform.events.signing.ControlRecords;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Consumes the nodes' reports on {@code tss.results} (channel {@value #CHANNEL}, CloudEvents binary mode). Each
 * report is applied in one database transaction together with its inbox entry; the record is acknowledged (and its
 * offset later committed) only after that commit. A failing report is retried a few times with back-off, then goes
 * to {@code tss.results.dlq}; a malformed one goes there at once. A report is applied only if it is signed by a
 * node under its pinned key and names that node as its sender; any other record is refused (logged, counted,
 * listed at {@code /admin/dropped-records}), acknowledged and never applied.
 *
 * <p>The idempotency key is the CloudEvents {@code id} (a UUID; any other string is mapped to a name-based UUID).
 * A record without CloudEvents headers gets a name-based UUID of request id, node id and status: a node reports each
 * request at most once per status, so that names the report.
 */
@ApplicationScoped
public class TssResultConsumer {

    public static final String CHANNEL = "tss-results-in";
    private static final Logger LOG = Logger.getLogger(TssResultConsumer.class);

    private final ObjectMapper mapper;
    private final TssReportProcessor processor;
    private final ServerWalletService serverWallets;
    private final ControlRecords control;

    public TssResultConsumer(ObjectMapper mapper, TssReportProcessor processor, ServerWalletService serverWallets,
                             ControlRecords control) {
        this.control = control;
        this.mapper = mapper;
        this.processor = processor;
        this.serverWallets = serverWallets;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        if (!control.admitNodeReport(message)) { // signed by the node it names, else refused and listed
            return Uni.createFrom().completionStage(message.ack());
        }
        TssResult result;
        try {
            result = mapper.readValue(message.getPayload(), TssResult.class);
        } catch (Exception e) {
            LOG.warnf("malformed tss.results record (%s), sent to the dead-letter topic", e.getClass().getSimpleName());
            return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException("malformed TssResult", e)));
        }
        if (!TssRequestService.mayBeOurs(result.requestId())) {
            // Another service's request (e.g. a withdrawal's signature): nothing here refers to it.
            return Uni.createFrom().completionStage(message.ack());
        }
        UUID eventId = eventId(message, result);
        return Panache.withTransaction(() -> processor.apply(result, eventId)
                        .chain(() -> serverWallets.apply(result, eventId)))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5)
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "tss.results event %s could not be applied", eventId);
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    serverWallets.wake(result.requestId());
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    static UUID eventId(Message<String> message, TssResult result) {
        String id = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getId)
                .orElse(null);
        if (id == null || id.isEmpty()) {
            id = "report:" + result.requestId() + "|" + result.nodeId() + "|" + result.status();
        }
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // not a UUID
        }
        return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
    }
}

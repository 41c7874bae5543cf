package io.openwaas.transaction.messaging;

import io.openwaas.platform.events.signing.ControlRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.tss.TssRequestType;
import io.openwaas.platform.events.tss.TssResult;
import io.openwaas.platform.events.tss.TssResultStatus;
import io.openwaas.platform.inbox.Inbox;
import io.openwaas.platform.inbox.IncomingEvents;
import io.openwaas.transaction.chain.ChainFollower;
import io.openwaas.transaction.domain.Withdrawals;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Consumes {@code tss.results} (channel {@value #CHANNEL}) for the KeySign requests of withdrawals (request ids
 * {@code txsign-…}; others are acknowledged at once): the signature, a rejection or a failure →
 * {@link Withdrawals#reported}. Each report is applied with its inbox entry in one database
 * transaction. Only reports signed by the node they name, under its pinned key, are applied (libs/platform
 * {@code ControlRecords}); anything else is refused and listed at {@code /admin/dropped-records}.
 */
@ApplicationScoped
public class SignatureConsumer {

    public static final String CHANNEL = "tss-results-in";
    static final String CONSUMER = "transaction-service.signatures";
    private static final Logger LOG = Logger.getLogger(SignatureConsumer.class);

    private final ObjectMapper mapper;
    private final Withdrawals withdrawals;
    private final Inbox inbox;
    private final ChainFollower chains;
    private final ControlRecords control;

    public SignatureConsumer(ObjectMapper mapper, Withdrawals withdrawals,
                             Inbox inbox, ChainFollower chains, ControlRecords control) {
        this.control = control;
        this.mapper = mapper;
        this.withdrawals = withdrawals;
        this.inbox = inbox;
        this.chains = chains;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        String key = message.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .map(m -> String.valueOf(m.getKey())).orElse("");
        if (!key.startsWith(Withdrawals.SIGN_PREFIX)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        if (!control.admitNodeReport(message)) { // signed by the node it names, else refused and listed
            return Uni.createFrom().completionStage(message.ack());
        }
        Optional<IncomingCloudEventMetadata> ce = message.getMetadata(IncomingCloudEventMetadata.class);
        UUID eventId;
        TssResult result;
        try {
            eventId = IncomingEvents.eventId(ce);
            result = mapper.readValue(message.getPayload(), TssResult.class);
            if (result.type() != TssRequestType.KEY_SIGN || !key.equals(result.requestId())) {
                throw new IllegalArgumentException("not a KeySign report of " + key);
            }
        } catch (Exception e) {
            LOG.warnf("tss.results record %s refused: %s", key, e.getMessage());
            return Uni.createFrom().completionStage(message.ack());
        }
        if (result.status() == TssResultStatus.CONFIRMED) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, eventId).chain(first -> first
                        ? withdrawals.reported(result, chains::evmChainId)
                        : Uni.createFrom().item((String) null)))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5)
                .onItemOrFailure().transformToUni((chainId, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "tss.results report %s could not be applied", key);
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    if (chainId != null) {
                        chains.wake(chainId);
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }
}

package io.openwaas.wallet.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.wallet.WalletBalanceUpdated;
import io.openwaas.platform.inbox.IncomingEvents;
import io.openwaas.wallet.domain.BalanceProjection;
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
 * Consumes {@code wallet.balance.updated} (channel {@value #CHANNEL}, CloudEvents binary mode) into the balance
 * projection ({@link BalanceProjection}). Each event is applied in one database transaction with its inbox entry;
 * the record is acknowledged (its offset committed later) only after that commit. The idempotency key is the
 * CloudEvents {@code id}, which must be a UUID.
 *
 * <p>A malformed event (no or a non-UUID id, unparseable JSON, a bad amount, address, chain or sequence) changes
 * nothing and goes to {@code wallet.balance.updated.dlq} at once; a failing database is retried with back-off, then
 * the event goes there too. Events of other CloudEvents types are skipped.
 */
@ApplicationScoped
public class BalanceUpdatedConsumer {

    public static final String CHANNEL = "wallet-balance-updated-in";
    private static final Logger LOG = Logger.getLogger(BalanceUpdatedConsumer.class);

    private final ObjectMapper mapper;
    private final BalanceProjection projection;

    public BalanceUpdatedConsumer(ObjectMapper mapper, BalanceProjection projection) {
        this.mapper = mapper;
        this.projection = projection;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        Optional<IncomingCloudEventMetadata> ce = message.getMetadata(IncomingCloudEventMetadata.class);
        if (ce.isPresent() && ce.get().getType() != null && !EventType.WALLET_BALANCE_UPDATED.equals(ce.get().getType())) {
            LOG.debugf("skipping event of type %s on wallet.balance.updated", ce.get().getType());
            return Uni.createFrom().completionStage(message.ack());
        }
        UUID eventId;
        BalanceProjection.Update update;
        try {
            eventId = IncomingEvents.eventId(ce);
            update = projection.validate(mapper.readValue(message.getPayload(), WalletBalanceUpdated.class));
        } catch (Exception e) {
            String reason = e instanceof IllegalArgumentException ? e.getMessage() : "unparseable JSON";
            LOG.warnf("malformed wallet.balance.updated event (%s), sent to the dead-letter topic", reason);
            return Uni.createFrom().completionStage(message.nack(new IllegalArgumentException(reason)));
        }
        return Panache.withTransaction(() -> projection.apply(update, eventId))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(5)
                .onItemOrFailure().transformToUni((outcome, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "wallet.balance.updated event %s could not be applied", eventId);
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }
}

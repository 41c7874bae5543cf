package io.openwaas.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Idempotent consumers: a consumer records each event id in table {@code inbox_event} in the same transaction as
 * the event's effect, so a redelivered event has no second effect. Use from a {@code @WithTransaction} method:
 * <pre>{@code
 * return inbox.firstDelivery("balance-projection", eventId)
 *         .chain(first -> first ? apply(event) : Uni.createFrom().voidItem());
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    /** Records the event for this consumer; {@code false} if it was recorded before (a duplicate). */
    public Uni<Boolean> firstDelivery(String consumer, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "INSERT INTO inbox_event (consumer, event_id, processed_at) VALUES (:consumer, :eventId, :now) "
                                + "ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("now", System.currentTimeMillis())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}

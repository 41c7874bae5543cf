package io.openwaas.transaction.domain;

import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.transaction.TransactionStatus;
import io.openwaas.platform.json.WireEnum;
import io.openwaas.platform.outbox.Outbox;
import io.openwaas.transaction.persistence.TransactionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every status or confirmation change of a transaction is one event through the outbox, in the caller's database
 * transaction: {@code transaction.created} for a new one, {@code transaction.succeeded} / {@code transaction.failed}
 * when it reaches {@code Completed} / {@code Failed} or {@code Rejected}, {@code transaction.updated} otherwise. The
 * event's {@code sequence} is the transaction's, one higher each time; its data is {@link TransactionViews#of}. The
 * timeline records when each status was reached.
 */
@ApplicationScoped
public class Lifecycle {

    private final Outbox outbox;

    public Lifecycle(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A new transaction (already persisted in this transaction). */
    public Uni<Void> created(TransactionEntity t) {
        return publish(t, Topics.TRANSACTION_CREATED, EventType.TRANSACTION_CREATED);
    }

    /** A change of a stored transaction: its new status (or confirmations) set on {@code t}. */
    public Uni<Void> changed(TransactionEntity t) {
        TransactionStatus status = WireEnum.parse(TransactionStatus.class, "status", t.status);
        if (status == TransactionStatus.COMPLETED) {
            return publish(t, Topics.TRANSACTION_SUCCEEDED, EventType.TRANSACTION_SUCCEEDED);
        }
        if (status == TransactionStatus.FAILED || status == TransactionStatus.REJECTED) {
            return publish(t, Topics.TRANSACTION_FAILED, EventType.TRANSACTION_FAILED);
        }
        return publish(t, Topics.TRANSACTION_UPDATED, EventType.TRANSACTION_UPDATED);
    }

    private Uni<Void> publish(TransactionEntity t, String topic, String type) {
        long now = System.currentTimeMillis();
        t.sequence += 1;
        t.updatedTimestamp = Math.max(now, t.createdTimestamp);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO txn_timeline (txn_id, status, finished_timestamp) VALUES (:t, :s, :now) "
                                        + "ON CONFLICT (txn_id, status) DO UPDATE SET finished_timestamp = EXCLUDED.finished_timestamp")
                        .setParameter("t", t.id).setParameter("s", t.status).setParameter("now", t.updatedTimestamp)
                        .executeUpdate())
                .chain(() -> outbox.append(topic, type, t.id.toString(), t.orgId, t.sequence, TransactionViews.of(t)))
                .replaceWithVoid();
    }
}

package io.openwaas.platform.outbox;

import io.openwaas.platform.config.OutboxConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and the inbox from growing for ever: deletes outbox rows published longer ago than
 * {@code openwaas.outbox.retention} and inbox rows recorded longer ago than {@code openwaas.outbox.inbox-retention}
 * (both 7 days by default), every {@code openwaas.outbox.purge-every} (1 h). Unsent and dead-lettered outbox rows are
 * never purged: they wait for the relay or for an operator.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    /** What one purge deleted. */
    public record Purged(long outboxRows, long inboxRows) {
    }

    private final Pool pool;
    private final OutboxConfig config;

    public RetentionPurge(Pool pool, OutboxConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${openwaas.outbox.purge-every:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().invoke(p -> {
            if (p.outboxRows() > 0 || p.inboxRows() > 0) {
                LOG.infof("retention purge: %d published outbox rows, %d inbox rows", p.outboxRows(), p.inboxRows());
            }
        }).replaceWithVoid();
    }

    /** One purge, now. */
    public Uni<Purged> purge() {
        long now = System.currentTimeMillis();
        return pool.preparedQuery("DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < $1")
                .execute(Tuple.of(now - config.retention().toMillis()))
                .chain(outbox -> pool.preparedQuery("DELETE FROM inbox_event WHERE processed_at < $1")
                        .execute(Tuple.of(now - config.inboxRetention().toMillis()))
                        .map(inbox -> new Purged(outbox.rowCount(), inbox.rowCount())));
    }
}

package io.openwaas.platform.auth;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Replay protection: a nonce may be used once per API key while it is inside the time window. Kept in the service's
 * own database (table {@code auth_nonce}), so it holds across restarts and replicas of the service.
 */
@ApplicationScoped
public class NonceStore {

    private final Pool pool;

    public NonceStore(Pool pool) {
        this.pool = pool;
    }

    /** Records the nonce; {@code false} when this key has used it before. */
    public Uni<Boolean> claim(String apiKey, String nonce, long expiresAtMillis) {
        return pool.preparedQuery("INSERT INTO auth_nonce (api_key, nonce, expires_at) VALUES ($1, $2, $3) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(apiKey, nonce, expiresAtMillis))
                .map(rows -> rows.rowCount() == 1);
    }

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        return pool.preparedQuery("DELETE FROM auth_nonce WHERE expires_at < $1")
                .execute(Tuple.of(System.currentTimeMillis()))
                .replaceWithVoid();
    }
}

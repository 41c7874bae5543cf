package io.openwaas.transaction.domain;

import io.openwaas.platform.api.ApiException;
import io.openwaas.platform.api.CursorPaging;
import io.openwaas.platform.api.Page;
import io.openwaas.platform.api.PageRequest;
import io.openwaas.transaction.persistence.TransactionEntity;
import io.openwaas.transaction.persistence.TransactionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading transactions: one organisation's, filtered as {@code GET /v2/transactions} allows. */
@ApplicationScoped
public class TransactionQueries {

    /** The reference's window: at most 90 days between the created-timestamp bounds. */
    public static final long WINDOW_MS = 90L * 24 * 3600 * 1000;

    /** The filters; empty lists and nulls filter nothing. Statuses and types in their wire spelling. */
    public record Filter(String requestId, List<UUID> transactionIds, List<String> transactionHashes,
                         List<String> types, List<String> statuses, List<UUID> walletIds, List<String> chainIds,
                         List<String> tokenIds, UUID vaultId, String walletType, String walletSubtype,
                         Long minCreated, Long maxCreated, boolean descending) {
    }

    /** A step of a transaction's timeline. */
    public record Step(String status, long finishedTimestamp) {
    }

    private final TransactionRepository transactions;

    public TransactionQueries(TransactionRepository transactions) {
        this.transactions = transactions;
    }

    /** The created-timestamp window: given bounds, or 90 days from one, or the last 90 days. */
    public static long[] window(Long min, Long max, long now) {
        long lo;
        long hi;
        if (min != null && max != null) {
            lo = min;
            hi = max;
        } else if (min != null) {
            lo = min;
            hi = min + WINDOW_MS;
        } else if (max != null) {
            lo = max - WINDOW_MS;
            hi = max;
        } else {
            hi = now;
            lo = now - WINDOW_MS;
        }
        if (lo > hi) {
            throw ApiException.invalid("min_created_timestamp", "must not be after max_created_timestamp");
        }
        if (hi - lo > WINDOW_MS) {
            throw ApiException.invalid("max_created_timestamp", "the window may span at most 90 days");
        }
        return new long[] {lo, hi};
    }

    @WithSession
    public Uni<Page<TransactionEntity>> list(String orgId, Filter f, PageRequest page) {
        long[] window = window(f.minCreated(), f.maxCreated(), System.currentTimeMillis());
        StringBuilder where = new StringBuilder("orgId = :org and createdTimestamp >= :lo and createdTimestamp <= :hi");
        Map<String, Object> p = new HashMap<>();
        p.put("org", orgId);
        p.put("lo", window[0]);
        p.put("hi", window[1]);
        if (f.requestId() != null) {
            where.append(" and requestId = :requestId");
            p.put("requestId", f.requestId());
        }
        in(where, p, "id", "ids", f.transactionIds());
        in(where, p, "txHash", "hashes", f.transactionHashes());
        in(where, p, "type", "types", f.types());
        in(where, p, "status", "statuses", f.statuses());
        in(where, p, "walletId", "wallets", f.walletIds());
        in(where, p, "chainId", "chains", f.chainIds());
        in(where, p, "tokenId", "tokens", f.tokenIds());
        if (f.vaultId() != null) {
            where.append(" and vaultId = :vault");
            p.put("vault", f.vaultId());
        }
        if (f.walletType() != null) {
            where.append(" and walletType = :walletType");
            p.put("walletType", f.walletType());
        }
        if (f.walletSubtype() != null) {
            where.append(" and walletSubtype = :walletSubtype");
            p.put("walletSubtype", f.walletSubtype());
        }
        return CursorPaging.page(transactions, where.toString(), p, page, t -> t.seq, f.descending());
    }

    private static void in(StringBuilder where, Map<String, Object> p, String field, String name, List<?> values) {
        if (values != null && !values.isEmpty()) {
            where.append(" and ").append(field).append(" in :").append(name);
            p.put(name, values);
        }
    }

    /** One transaction of the organisation with its timeline, or 404. */
    @WithSession
    public Uni<Map.Entry<TransactionEntity, List<Step>>> detail(String orgId, UUID id) {
        return transactions.find("id = ?1 and orgId = ?2", id, orgId).firstResult().chain(t -> {
            if (t == null) {
                return Uni.createFrom().failure(ApiException.notFound("transaction", id));
            }
            return Panache.getSession().chain(s -> s.createNativeQuery("SELECT status, finished_timestamp FROM "
                                    + "txn_timeline WHERE txn_id = :t ORDER BY finished_timestamp, status", Object[].class)
                            .setParameter("t", id).getResultList())
                    .map(rows -> Map.entry(t, rows.stream()
                            .map(r -> new Step((String) r[0], ((Number) r[1]).longValue())).toList()));
        });
    }
}

package io.openwaas.transaction.domain;

import io.openwaas.platform.events.EventType;
import io.openwaas.platform.events.Topics;
import io.openwaas.platform.events.wallet.WalletBalanceUpdated;
import io.openwaas.platform.money.Amounts;
import io.openwaas.platform.outbox.Outbox;
import io.openwaas.transaction.persistence.TransactionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * The double-entry ledger (table {@code ledger_entry}) and the balances derived from it (table {@code balance}).
 * Every movement is a set of entries summing to zero, written in the caller's database transaction together with
 * the balance change it causes and the {@code wallet.balance.updated} event carrying the whole new balance. The
 * balance table's checks (never negative, total = available + locked) make an impossible movement fail the whole
 * transaction instead of storing it.
 */
@ApplicationScoped
public class Ledger {

    private final Outbox outbox;

    public Ledger(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Account names: ours per (wallet, address), the chain's outside world. */
    static String available(TransactionEntity t) {
        return "addr:" + t.walletId + ":" + t.address + ":available";
    }

    static String external(String chainId) {
        return "external:" + chainId;
    }

    /** A completed deposit: the chain's outside world pays the amount into the address's available balance. */
    public Uni<Void> creditDeposit(TransactionEntity t) {
        return entry(t, external(t.chainId), t.amount.negate())
                .chain(() -> entry(t, available(t), t.amount))
                .chain(() -> moveBalance(t, t.tokenId, t.amount, t.amount, BigDecimal.ZERO));
    }

    private Uni<Void> entry(TransactionEntity t, String account, BigDecimal amount) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO ledger_entry (txn_id, account, token_id, amount, created_at) "
                                        + "VALUES (:t, :a, :token, :amount, :now)")
                        .setParameter("t", t.id).setParameter("a", account).setParameter("token", t.tokenId)
                        .setParameter("amount", amount).setParameter("now", System.currentTimeMillis())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Adds deltas to a balance row (made on first use) and publishes the whole new balance. */
    private Uni<Void> moveBalance(TransactionEntity t, String tokenId, BigDecimal total, BigDecimal available,
                                  BigDecimal locked) {
        long now = System.currentTimeMillis();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO balance (wallet_id, address, token_id, org_id, chain_id, total, available, "
                                        + "locked, sequence, updated_at) VALUES (:w, :a, :token, :o, :c, :total, "
                                        + ":available, :locked, 1, :now) ON CONFLICT (wallet_id, address, token_id) DO UPDATE "
                                        + "SET total = balance.total + EXCLUDED.total, "
                                        + "available = balance.available + EXCLUDED.available, "
                                        + "locked = balance.locked + EXCLUDED.locked, sequence = balance.sequence + 1, "
                                        + "updated_at = EXCLUDED.updated_at "
                                        + "RETURNING total, available, locked, sequence", Object[].class)
                        .setParameter("w", t.walletId).setParameter("a", t.address).setParameter("token", tokenId)
                        .setParameter("o", t.orgId).setParameter("c", t.chainId).setParameter("total", total)
                        .setParameter("available", available).setParameter("locked", locked).setParameter("now", now)
                        .getSingleResult())
                .chain(row -> outbox.append(Topics.WALLET_BALANCE_UPDATED, EventType.WALLET_BALANCE_UPDATED,
                        t.walletId.toString(), t.orgId, ((Number) row[3]).longValue(),
                        new WalletBalanceUpdated(t.walletId.toString(), t.orgId, t.address, t.chainId, tokenId,
                                Amounts.plain((BigDecimal) row[0]), Amounts.plain((BigDecimal) row[1]),
                                Amounts.plain((BigDecimal) row[2]), ((Number) row[3]).longValue(), now)))
                .replaceWithVoid();
    }
}

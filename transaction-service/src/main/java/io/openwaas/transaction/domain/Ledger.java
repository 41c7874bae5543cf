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
import java.util.List;

/**
 * The double-entry ledger (table {@code ledger_entry}) and the balances derived from it (table {@code balance}).
 * Every movement is a set of entries summing to zero per token, written in the caller's database transaction
 * together with the balance change it causes and the {@code wallet.balance.updated} event carrying the whole new
 * balance. Accounts per (wallet, address): {@code …:available} and {@code …:locked}; the chain's outside world
 * {@code external:<chain>}; fees paid {@code fee:<chain>}. The balance table's checks (never negative, total =
 * available + locked) make an impossible movement fail the whole transaction instead of storing it.
 */
@ApplicationScoped
public class Ledger {

    private final Outbox outbox;

    public Ledger(Outbox outbox) {
        this.outbox = outbox;
    }

    private static String available(TransactionEntity t) {
        return "addr:" + t.walletId + ":" + t.address + ":available";
    }

    private static String locked(TransactionEntity t) {
        return "addr:" + t.walletId + ":" + t.address + ":locked";
    }

    private static String external(TransactionEntity t) {
        return "external:" + t.chainId;
    }

    private static String fees(TransactionEntity t) {
        return "fee:" + t.chainId;
    }

    private record Entry(String account, BigDecimal amount) {
    }

    /** A completed deposit: the chain's outside world pays the amount into the address's available balance. */
    public Uni<Void> creditDeposit(TransactionEntity t) {
        return entries(t, t.tokenId, List.of(new Entry(external(t), t.amount.negate()), new Entry(available(t), t.amount)))
                .chain(() -> upsert(t, t.tokenId, t.amount, t.amount));
    }

    /**
     * A withdrawal's reservation (available → locked): the amount, and the reserved fee in the fee token (the same
     * balance row for a native token). False, with nothing changed, if a balance is short.
     */
    public Uni<Boolean> reserve(TransactionEntity t) {
        if (t.tokenId.equals(t.feeTokenId)) {
            return lock(t, t.tokenId, t.amount.add(t.reservedFee));
        }
        return lock(t, t.tokenId, t.amount).chain(ok -> !ok ? Uni.createFrom().item(false)
                : lock(t, t.feeTokenId, t.reservedFee).chain(feeOk -> feeOk ? Uni.createFrom().item(true)
                        // the token's lock is undone with the transaction: fail it
                        : Uni.createFrom().failure(new InsufficientBalance(t.feeTokenId))));
    }

    /** The fee token's balance was short after the token's was locked; the caller's transaction must roll back. */
    public static final class InsufficientBalance extends RuntimeException {
        public InsufficientBalance(String tokenId) {
            super("insufficient " + tokenId + " for the fee");
        }
    }

    private Uni<Boolean> lock(TransactionEntity t, String tokenId, BigDecimal x) {
        return update(t, tokenId, BigDecimal.ZERO, x.negate(), x).chain(done -> !done ? Uni.createFrom().item(false)
                : entries(t, tokenId, List.of(new Entry(available(t), x.negate()), new Entry(locked(t), x)))
                        .replaceWith(true));
    }

    /** A withdrawal that never reached the chain: everything reserved goes back to available. */
    public Uni<Void> release(TransactionEntity t) {
        if (t.tokenId.equals(t.feeTokenId)) {
            return unlock(t, t.tokenId, t.amount.add(t.reservedFee));
        }
        return unlock(t, t.tokenId, t.amount).chain(() -> unlock(t, t.feeTokenId, t.reservedFee));
    }

    private Uni<Void> unlock(TransactionEntity t, String tokenId, BigDecimal x) {
        return require(update(t, tokenId, BigDecimal.ZERO, x, x.negate()), t, tokenId)
                .chain(() -> entries(t, tokenId, List.of(new Entry(locked(t), x.negate()), new Entry(available(t), x))));
    }

    /**
     * A withdrawal the chain included ({@code t.feeUsed} set): the fee is paid either way; the amount leaves if it
     * succeeded ({@code succeeded}) and goes back to available if it reverted; the unused fee reserve goes back.
     */
    public Uni<Void> settle(TransactionEntity t, boolean succeeded) {
        BigDecimal fee = t.feeUsed;
        BigDecimal unusedFee = t.reservedFee.subtract(fee);
        BigDecimal sent = succeeded ? t.amount : BigDecimal.ZERO;
        BigDecimal returned = succeeded ? BigDecimal.ZERO : t.amount;
        if (t.tokenId.equals(t.feeTokenId)) {
            BigDecimal held = t.amount.add(t.reservedFee);
            return require(update(t, t.tokenId, sent.add(fee).negate(), returned.add(unusedFee), held.negate()), t,
                    t.tokenId)
                    .chain(() -> entries(t, t.tokenId, List.of(new Entry(locked(t), held.negate()),
                            new Entry(external(t), sent), new Entry(fees(t), fee),
                            new Entry(available(t), returned.add(unusedFee)))));
        }
        return require(update(t, t.tokenId, sent.negate(), returned, t.amount.negate()), t, t.tokenId)
                .chain(() -> entries(t, t.tokenId, List.of(new Entry(locked(t), t.amount.negate()),
                        new Entry(external(t), sent), new Entry(available(t), returned))))
                .chain(() -> require(update(t, t.feeTokenId, fee.negate(), unusedFee, t.reservedFee.negate()), t,
                        t.feeTokenId))
                .chain(() -> entries(t, t.feeTokenId, List.of(new Entry(locked(t), t.reservedFee.negate()),
                        new Entry(fees(t), fee), new Entry(available(t), unusedFee))));
    }

    private Uni<Void> entries(TransactionEntity t, String tokenId, List<Entry> entries) {
        long now = System.currentTimeMillis();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Entry e : entries) {
            if (e.amount().signum() == 0) {
                continue;
            }
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                    "INSERT INTO ledger_entry (txn_id, account, token_id, amount, created_at) "
                                            + "VALUES (:t, :a, :token, :amount, :now)")
                            .setParameter("t", t.id).setParameter("a", e.account()).setParameter("token", tokenId)
                            .setParameter("amount", e.amount()).setParameter("now", now).executeUpdate())
                    .replaceWithVoid());
        }
        return chain;
    }

    private static Uni<Void> require(Uni<Boolean> update, TransactionEntity t, String tokenId) {
        return update.chain(done -> done ? Uni.createFrom().voidItem() : Uni.createFrom().failure(
                new IllegalStateException("balance of " + tokenId + " at " + t.address + " cannot move for " + t.id)));
    }

    /** Adds deltas to an existing balance row if none goes negative, and publishes it; false if not. */
    private Uni<Boolean> update(TransactionEntity t, String tokenId, BigDecimal total, BigDecimal available,
                                BigDecimal locked) {
        long now = System.currentTimeMillis();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE balance SET total = total + :total, available = available + :available, "
                                        + "locked = locked + :locked, sequence = sequence + 1, updated_at = :now "
                                        + "WHERE wallet_id = :w AND address = :a AND token_id = :token "
                                        + "AND total + :total >= 0 AND available + :available >= 0 AND locked + :locked >= 0 "
                                        + "RETURNING total, available, locked, sequence", Object[].class)
                        .setParameter("w", t.walletId).setParameter("a", t.address).setParameter("token", tokenId)
                        .setParameter("total", total).setParameter("available", available)
                        .setParameter("locked", locked).setParameter("now", now).getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(false)
                        : publish(t, tokenId, rows.get(0), now).replaceWith(true));
    }

    /** Adds deltas to a balance row, made on first use, and publishes it. */
    private Uni<Void> upsert(TransactionEntity t, String tokenId, BigDecimal total, BigDecimal available) {
        long now = System.currentTimeMillis();
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "INSERT INTO balance (wallet_id, address, token_id, org_id, chain_id, total, available, "
                                        + "locked, sequence, updated_at) VALUES (:w, :a, :token, :o, :c, :total, "
                                        + ":available, 0, 1, :now) ON CONFLICT (wallet_id, address, token_id) DO UPDATE "
                                        + "SET total = balance.total + EXCLUDED.total, "
                                        + "available = balance.available + EXCLUDED.available, "
                                        + "sequence = balance.sequence + 1, updated_at = EXCLUDED.updated_at "
                                        + "RETURNING total, available, locked, sequence", Object[].class)
                        .setParameter("w", t.walletId).setParameter("a", t.address).setParameter("token", tokenId)
                        .setParameter("o", t.orgId).setParameter("c", t.chainId).setParameter("total", total)
                        .setParameter("available", available).setParameter("now", now).getSingleResult())
                .chain(row -> publish(t, tokenId, row, now));
    }

    private Uni<Void> publish(TransactionEntity t, String tokenId, Object[] row, long now) {
        long sequence = ((Number) row[3]).longValue();
        return outbox.append(Topics.WALLET_BALANCE_UPDATED, EventType.WALLET_BALANCE_UPDATED, t.walletId.toString(),
                        t.orgId, sequence, new WalletBalanceUpdated(t.walletId.toString(), t.orgId, t.address, t.chainId,
                                tokenId, Amounts.plain((BigDecimal) row[0]), Amounts.plain((BigDecimal) row[1]),
                                Amounts.plain((BigDecimal) row[2]), sequence, now))
                .replaceWithVoid();
    }
}

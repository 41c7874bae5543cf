package io.openwaas.wallet.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The projected balance of one token at one address of a wallet (table {@code wallet_balance}, key wallet, address,
 * token; address {@code ""} = the wallet's account-level balance). Written only by the projection's upsert, which
 * applies an event only if its sequence is above {@link #sequence}; read through this entity.
 */
@Entity
@Table(name = "wallet_balance")
public class BalanceEntity {

    /** Unique; the list order and cursor position (the row's first appearance). */
    @Id
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "wallet_id", nullable = false)
    public UUID walletId;

    /** {@code ""} for the account-level balance. */
    @Column(nullable = false)
    public String address;

    @Column(name = "token_id", nullable = false)
    public String tokenId;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(name = "chain_id", nullable = false)
    public String chainId;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(nullable = false)
    public BigDecimal available;

    @Column(nullable = false)
    public BigDecimal locked;

    /** The sequence of the event this balance came from. */
    @Column(nullable = false)
    public long sequence;

    @Column(name = "event_timestamp", nullable = false)
    public long eventTimestamp;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}

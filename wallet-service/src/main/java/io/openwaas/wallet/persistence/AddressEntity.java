package io.openwaas.wallet.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * A deposit address of a wallet (table {@code wallet_address}), derived from the vault's root extended public key
 * at {@link #path}. Written in bulk by {@code AddressService} (one statement per batch); read through this entity.
 */
@Entity
@Table(name = "wallet_address")
public class AddressEntity {

    /** The list order and cursor position. */
    @Id
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(name = "wallet_id", nullable = false)
    public UUID walletId;

    @Column(name = "chain_id", nullable = false)
    public String chainId;

    /** The chain family whose index counter the address used: BITCOIN, EVM, TRON or SOLANA. */
    @Column(nullable = false)
    public String family;

    @Column(name = "address_index", nullable = false)
    public int addressIndex;

    @Column(nullable = false)
    public String address;

    /** WaaS 2.0 encoding name, e.g. {@code ENCODING_BECH32}. */
    @Column(nullable = false)
    public String encoding;

    @Column(nullable = false)
    public String path;

    /** Hex of the child public key. */
    @Column(nullable = false)
    public String pubkey;

    /** P2TR: hex of the internal key's x coordinate. */
    @Column(name = "x_only_pubkey")
    public String xOnlyPubkey;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}

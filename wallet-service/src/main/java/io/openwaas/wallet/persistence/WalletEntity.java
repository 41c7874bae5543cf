package io.openwaas.wallet.persistence;

import io.openwaas.wallet.domain.WalletSubtype;
import io.openwaas.wallet.domain.WalletType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "wallet")
public class WalletEntity extends OrgOwnedEntity {

    public static final String ACTIVE = "ACTIVE";
    public static final String DELETED = "DELETED";

    @Id
    public UUID id;

    @Column(name = "vault_id", nullable = false)
    public UUID vaultId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "wallet_type", nullable = false)
    public WalletType walletType;

    @Enumerated(EnumType.STRING)
    @Column(name = "wallet_subtype", nullable = false)
    public WalletSubtype walletSubtype;

    @Column(name = "enable_auto_sweep", nullable = false)
    public boolean enableAutoSweep;

    /** ACTIVE, or DELETED (kept for history, invisible to the API). */
    @Column(nullable = false)
    public String status;
}

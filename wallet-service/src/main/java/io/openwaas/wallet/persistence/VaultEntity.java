package io.openwaas.wallet.persistence;

import io.openwaas.wallet.domain.MpcVaultType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "vault")
public class VaultEntity {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "vault_type", nullable = false)
    public MpcVaultType vaultType;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}

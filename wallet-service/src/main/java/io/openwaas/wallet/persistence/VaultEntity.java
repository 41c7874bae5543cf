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
public class VaultEntity extends OrgOwnedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "vault_type", nullable = false)
    public MpcVaultType vaultType;

    @Column(name = "project_id")
    public UUID projectId;
}

package io.openwaas.wallet.persistence;

import io.openwaas.wallet.domain.KeyShareHolderType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One holder (a TSS node) of a key share holder group, at its position in the group as created. */
@Entity
@Table(name = "key_share_holder")
public class KeyShareHolderEntity extends OrgOwnedEntity {

    @Id
    public UUID id;

    @Column(name = "vault_id", nullable = false)
    public UUID vaultId;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(nullable = false)
    public int position;

    @Column(name = "tss_node_id", nullable = false)
    public String tssNodeId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "holder_type", nullable = false)
    public KeyShareHolderType holderType;

    @Column(nullable = false)
    public boolean signer;
}

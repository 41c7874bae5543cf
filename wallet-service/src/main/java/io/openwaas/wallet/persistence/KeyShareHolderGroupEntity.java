package io.openwaas.wallet.persistence;

import io.openwaas.wallet.domain.KeyShareHolderGroupStatus;
import io.openwaas.wallet.domain.KeyShareHolderGroupType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A key share holder group of a vault; its holders and keys are rows of their own tables. */
@Entity
@Table(name = "key_share_holder_group")
public class KeyShareHolderGroupEntity extends OrgOwnedEntity {

    @Id
    public UUID id;

    @Column(name = "vault_id", nullable = false)
    public UUID vaultId;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_type", nullable = false)
    public KeyShareHolderGroupType groupType;

    @Column(nullable = false)
    public int participants;

    @Column(nullable = false)
    public int threshold;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KeyShareHolderGroupStatus status;

    /** Deleted groups disappear from the API; their rows stay for the requests that name them. */
    @Column(nullable = false)
    public boolean deleted;
}

package io.openwaas.wallet.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Columns every resource of an organisation has: its owner, its position in the lists' stable order (the cursor
 * position, assigned by the database), and its creation and change times (ms).
 */
@MappedSuperclass
public abstract class OrgOwnedEntity {

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}

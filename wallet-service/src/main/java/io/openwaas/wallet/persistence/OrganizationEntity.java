package io.openwaas.wallet.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "organization")
public class OrganizationEntity {

    @Id
    public String id;

    @Column(name = "biz_org_id", insertable = false, updatable = false)
    public Long bizOrgId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;
}

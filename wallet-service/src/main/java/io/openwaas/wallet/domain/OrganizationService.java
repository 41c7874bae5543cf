package io.openwaas.wallet.domain;

import io.openwaas.platform.api.ApiException;
import io.openwaas.wallet.persistence.OrganizationEntity;
import io.openwaas.wallet.persistence.OrganizationRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;

    public OrganizationService(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @WithTransaction
    public Uni<OrganizationEntity> create(String name) {
        OrganizationEntity org = new OrganizationEntity();
        org.id = UUID.randomUUID().toString();
        org.name = name.strip();
        org.createdAt = System.currentTimeMillis();
        org.updatedAt = org.createdAt;
        // Flush, then read back the database-assigned biz_org_id.
        return organizations.persistAndFlush(org)
                .chain(o -> organizations.getSession().chain(s -> s
                        .createNativeQuery("SELECT biz_org_id FROM organization WHERE id = :id", Long.class)
                        .setParameter("id", o.id)
                        .getSingleResult()))
                .map(bizOrgId -> {
                    org.bizOrgId = bizOrgId;
                    return org;
                });
    }

    @WithSession
    public Uni<OrganizationEntity> get(String orgId) {
        return organizations.findById(orgId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("organization", orgId));
    }
}

package dev.paysuite.refunds.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<RefundJpaEntity, String> {
}

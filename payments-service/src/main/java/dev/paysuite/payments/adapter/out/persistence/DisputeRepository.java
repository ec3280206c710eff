package dev.paysuite.payments.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DisputeRepository implements PanacheRepositoryBase<DisputeJpaEntity, String> {
}

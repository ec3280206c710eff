package dev.paysuite.methods.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PaymentMethodRepository implements PanacheRepositoryBase<PaymentMethodJpaEntity, String> {
}

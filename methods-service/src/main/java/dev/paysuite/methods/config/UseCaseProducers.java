package dev.paysuite.methods.config;

import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.methods.application.domain.service.CustomersService;
import dev.paysuite.methods.application.domain.service.PaymentMethodsService;
import dev.paysuite.methods.application.domain.service.SeedTestMethodsService;
import dev.paysuite.methods.application.domain.service.VaultService;
import dev.paysuite.methods.application.port.in.CustomersUseCase;
import dev.paysuite.methods.application.port.in.PaymentMethodsUseCase;
import dev.paysuite.methods.application.port.in.SeedTestMethodsUseCase;
import dev.paysuite.methods.application.port.in.VaultUseCase;
import dev.paysuite.methods.application.port.out.AcquirerPort;
import dev.paysuite.methods.application.port.out.CustomerStore;
import dev.paysuite.methods.application.port.out.PaymentMethodStore;
import dev.paysuite.methods.application.port.out.PublishMethodEventPort;
import dev.paysuite.methods.application.port.out.TokenStore;
import dev.paysuite.methods.application.port.out.VaultAuditPort;
import dev.paysuite.methods.application.port.out.VaultPort;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain-Java application services to their adapters. */
public class UseCaseProducers {

    @Produces
    @Singleton
    CustomersUseCase customers(CustomerStore customers, PaymentMethodStore methods, PublishMethodEventPort events,
            Transactions transactions, Clock clock) {
        return new CustomersService(customers, methods, events, transactions, clock);
    }

    @Produces
    @Singleton
    PaymentMethodsUseCase paymentMethods(PaymentMethodStore methods, CustomerStore customers, VaultPort vault,
            PublishMethodEventPort events, Transactions transactions, Clock clock) {
        return new PaymentMethodsService(methods, customers, vault, events, transactions, clock);
    }

    @Produces
    @Singleton
    VaultUseCase vault(PaymentMethodStore methods, TokenStore tokens, VaultPort vault, VaultAuditPort audit,
            AcquirerPort acquirers, Transactions transactions, Clock clock) {
        return new VaultService(methods, tokens, vault, audit, acquirers, transactions, clock);
    }

    @Produces
    @Singleton
    SeedTestMethodsUseCase seedTestMethods(PaymentMethodStore methods, TokenStore tokens, VaultPort vault,
            Transactions transactions, Clock clock) {
        return new SeedTestMethodsService(methods, tokens, vault, transactions, clock);
    }
}

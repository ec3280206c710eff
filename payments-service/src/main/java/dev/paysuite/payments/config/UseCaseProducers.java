package dev.paysuite.payments.config;

import dev.paysuite.payments.application.domain.service.ChangePaymentService;
import dev.paysuite.payments.application.domain.service.CreatePaymentService;
import dev.paysuite.payments.application.domain.service.GetPaymentService;
import dev.paysuite.payments.application.domain.service.ListPaymentsService;
import dev.paysuite.payments.application.domain.service.SeedDemoPaymentsService;
import dev.paysuite.payments.application.port.in.CreatePaymentUseCase;
import dev.paysuite.payments.application.port.in.GetPaymentQuery;
import dev.paysuite.payments.application.port.in.ListPaymentsUseCase;
import dev.paysuite.payments.application.port.in.SeedDemoPaymentsUseCase;
import dev.paysuite.payments.application.port.out.AuthorizePaymentPort;
import dev.paysuite.payments.application.port.out.ListPaymentsPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import dev.paysuite.payments.application.port.out.SettleAuthorizationPort;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the plain-Java application services to their adapters. The services carry no framework
 * annotations; transactions are opened by the inbound adapters.
 */
public class UseCaseProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    CreatePaymentUseCase createPayment(ResolvePaymentMethodPort methods, AuthorizePaymentPort processor,
            SavePaymentPort save, PublishPaymentEventPort events, Clock clock) {
        return new CreatePaymentService(methods, processor, save, events, clock);
    }

    /** One service for cancel, capture, confirm and recording refunds: its bean answers all four use cases. */
    @Produces
    @Singleton
    ChangePaymentService changePayment(LoadPaymentPort load, SavePaymentPort save, PublishPaymentEventPort events,
            AuthorizePaymentPort authorizations, SettleAuthorizationPort settlements, Clock clock) {
        return new ChangePaymentService(load, save, events, authorizations, settlements, clock);
    }

    @Produces
    @Singleton
    SeedDemoPaymentsUseCase seedDemoPayments(LoadPaymentPort load, SavePaymentPort save,
            PublishPaymentEventPort events, ResolvePaymentMethodPort methods, Clock clock) {
        return new SeedDemoPaymentsService(load, save, events, methods, clock);
    }

    @Produces
    @Singleton
    GetPaymentQuery getPayment(LoadPaymentPort load) {
        return new GetPaymentService(load);
    }

    @Produces
    @Singleton
    ListPaymentsUseCase listPayments(ListPaymentsPort list, LoadPaymentPort load) {
        return new ListPaymentsService(list, load);
    }
}

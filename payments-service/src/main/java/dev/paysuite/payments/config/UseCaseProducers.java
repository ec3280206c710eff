package dev.paysuite.payments.config;

import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.service.AuthenticatePaymentService;
import dev.paysuite.payments.application.domain.service.ChangePaymentService;
import dev.paysuite.payments.application.domain.service.CreatePaymentService;
import dev.paysuite.payments.application.domain.service.ExpireAuthorizationsService;
import dev.paysuite.payments.application.domain.service.GetPaymentService;
import dev.paysuite.payments.application.domain.service.ListPaymentsService;
import dev.paysuite.payments.application.domain.service.ManagePaymentLinksService;
import dev.paysuite.payments.application.domain.service.PayPaymentLinkService;
import dev.paysuite.payments.application.domain.service.ProcessPaymentService;
import dev.paysuite.payments.application.port.in.ManagePaymentLinksUseCase;
import dev.paysuite.payments.application.port.in.PayPaymentLinkUseCase;
import dev.paysuite.payments.application.port.out.LoadPaymentLinkPort;
import dev.paysuite.payments.application.port.out.SavePaymentLinkPort;
import dev.paysuite.payments.application.domain.service.SeedDemoPaymentsService;
import dev.paysuite.payments.application.port.in.AuthenticationChallengeUseCase;
import dev.paysuite.payments.application.port.in.CreatePaymentUseCase;
import dev.paysuite.payments.application.port.in.ExpireAuthorizationsUseCase;
import dev.paysuite.payments.application.port.in.GetPaymentUseCase;
import dev.paysuite.payments.application.port.in.ListPaymentsUseCase;
import dev.paysuite.payments.application.port.in.SeedDemoPaymentsUseCase;
import dev.paysuite.payments.application.port.out.AuthenticationChallengePort;
import dev.paysuite.payments.application.port.out.ListPaymentsPort;
import dev.paysuite.payments.application.port.out.LoadPaymentPort;
import dev.paysuite.payments.application.port.out.PaymentProcessorPort;
import dev.paysuite.payments.application.port.out.PublishPaymentEventPort;
import dev.paysuite.payments.application.port.out.ResolvePaymentMethodPort;
import dev.paysuite.payments.application.port.out.SavePaymentPort;
import dev.paysuite.payments.application.port.out.TestClockExistsPort;
import dev.paysuite.payments.application.domain.model.DunningPolicy;
import dev.paysuite.payments.application.domain.service.DisputesService;
import dev.paysuite.payments.application.domain.service.ManageSubscriptionsService;
import dev.paysuite.payments.application.domain.service.RunSubscriptionsService;
import dev.paysuite.payments.application.domain.service.TestClocksService;
import dev.paysuite.payments.application.port.in.ManageSubscriptionsUseCase;
import dev.paysuite.payments.application.port.in.RunSubscriptionsUseCase;
import dev.paysuite.payments.application.port.in.TestClocksUseCase;
import dev.paysuite.payments.application.port.out.LoadCustomerPort;
import dev.paysuite.payments.application.port.out.DisputeAcquirerPort;
import dev.paysuite.payments.application.port.out.DisputeStorePort;
import dev.paysuite.payments.application.port.out.PublishDisputeEventPort;
import dev.paysuite.payments.application.port.out.PublishSubscriptionEventPort;
import dev.paysuite.payments.application.port.out.SubscriptionStorePort;
import dev.paysuite.payments.application.port.out.TestClockStorePort;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the plain-Java application services to their adapters. The services carry no framework
 * annotations; each declares its own steps with {@link Transactions}.
 */
public class UseCaseProducers {

    /** Phase 2 of every processor call, and the reconciler (its bean is the ReconcilePaymentsUseCase). */
    @Produces
    @Singleton
    ProcessPaymentService processPayment(LoadPaymentPort load, SavePaymentPort save, PublishPaymentEventPort events,
            PaymentProcessorPort processor, Transactions transactions, Clock clock) {
        return new ProcessPaymentService(load, save, events, processor, transactions, clock);
    }

    @Produces
    @Singleton
    CreatePaymentUseCase createPayment(ResolvePaymentMethodPort methods, SavePaymentPort save,
            PublishPaymentEventPort events, ProcessPaymentService processing, Transactions transactions, Clock clock,
            TestClockExistsPort testClocks) {
        return new CreatePaymentService(methods, save, events, processing, transactions, clock, testClocks);
    }

    /** One service for cancel, capture, confirm and recording refunds: its bean answers all four use cases. */
    @Produces
    @Singleton
    ChangePaymentService changePayment(LoadPaymentPort load, SavePaymentPort save, PublishPaymentEventPort events,
            ProcessPaymentService processing, AuthenticationChallengePort challenges, Transactions transactions,
            Clock clock) {
        return new ChangePaymentService(load, save, events, processing, challenges, transactions, clock);
    }

    /** The payer's answer to a 3-D Secure challenge goes on with the payment through confirm's steps. */
    @Produces
    @Singleton
    AuthenticationChallengeUseCase authenticatePayment(AuthenticationChallengePort challenges, LoadPaymentPort load,
            ChangePaymentService changes, Clock clock) {
        return new AuthenticatePaymentService(challenges, load, changes, clock);
    }

    @Produces
    @Singleton
    SeedDemoPaymentsUseCase seedDemoPayments(LoadPaymentPort load, SavePaymentPort save,
            PublishPaymentEventPort events, Transactions transactions, Clock clock) {
        return new SeedDemoPaymentsService(load, save, events, transactions, clock);
    }

    @Produces
    @Singleton
    GetPaymentUseCase getPayment(LoadPaymentPort load) {
        return new GetPaymentService(load);
    }

    @Produces
    @Singleton
    ListPaymentsUseCase listPayments(ListPaymentsPort list, LoadPaymentPort load) {
        return new ListPaymentsService(list, load);
    }

    @Produces
    @Singleton
    ManagePaymentLinksUseCase managePaymentLinks(LoadPaymentLinkPort load, SavePaymentLinkPort save,
            Transactions transactions, Clock clock) {
        return new ManagePaymentLinksService(load, save, transactions, clock);
    }

    @Produces
    @Singleton
    DunningPolicy dunningPolicy(PaymentsConfig config) {
        String exhausted = config.subscriptions().whenRetriesExhausted();
        if (!exhausted.equals("cancel") && !exhausted.equals("unpaid")) {
            throw new IllegalArgumentException(
                    "paysuite.payments.subscriptions.when-retries-exhausted must be cancel or unpaid, not " + exhausted);
        }
        return new DunningPolicy(config.subscriptions().retries(), exhausted.equals("cancel"));
    }

    @Produces
    @Singleton
    RunSubscriptionsUseCase runSubscriptions(SubscriptionStorePort store, PublishSubscriptionEventPort events,
            LoadCustomerPort customers, ResolvePaymentMethodPort methods, LoadPaymentPort loadPayments,
            SavePaymentPort savePayments, PublishPaymentEventPort paymentEvents, ProcessPaymentService processing,
            ChangePaymentService changes, Transactions transactions, DunningPolicy dunning, Clock clock) {
        return new RunSubscriptionsService(store, events, customers, methods, loadPayments, savePayments,
                paymentEvents, processing, changes, transactions, dunning, clock);
    }

    @Produces
    @Singleton
    ManageSubscriptionsUseCase manageSubscriptions(SubscriptionStorePort store, PublishSubscriptionEventPort events,
            TestClockStorePort clocks, LoadCustomerPort customers, ResolvePaymentMethodPort methods,
            RunSubscriptionsUseCase runner, Transactions transactions, Clock clock) {
        return new ManageSubscriptionsService(store, events, clocks, customers, methods, runner, transactions, clock);
    }

    @Produces
    @Singleton
    TestClocksUseCase testClocks(TestClockStorePort clocks, RunSubscriptionsUseCase subscriptions,
            ExpireAuthorizationsUseCase expiries, Transactions transactions, Clock clock) {
        return new TestClocksService(clocks, subscriptions, expiries, transactions, clock);
    }

    @Produces
    @Singleton
    PayPaymentLinkUseCase payPaymentLink(LoadPaymentLinkPort links, LoadPaymentPort loadPayments,
            ResolvePaymentMethodPort methods, SavePaymentPort save, PublishPaymentEventPort events,
            ProcessPaymentService processing, Transactions transactions, Clock clock) {
        return new PayPaymentLinkService(links, loadPayments, methods, save, events, processing, transactions, clock);
    }

    /** Cancels authorizations held past paysuite.payments.authorization-expiry (the scheduler; a test clock's advance). */
    @Produces
    @Singleton
    ExpireAuthorizationsUseCase expireAuthorizations(LoadPaymentPort load, SavePaymentPort save,
            PublishPaymentEventPort events, ProcessPaymentService processing, Transactions transactions, Clock clock,
            PaymentsConfig config) {
        return new ExpireAuthorizationsService(load, save, events, processing, transactions, clock,
                config.authorizationExpiry());
    }

    /** Disputes: the merchants' answers (ManageDisputesUseCase) and the acquirer's notifications (SyncDisputesUseCase). */
    @Produces
    @Singleton
    DisputesService disputes(DisputeStorePort disputes, LoadPaymentPort payments, SavePaymentPort savePayments,
            PublishDisputeEventPort events, DisputeAcquirerPort acquirer, Transactions transactions, Clock clock) {
        return new DisputesService(disputes, payments, savePayments, events, acquirer, transactions, clock);
    }
}

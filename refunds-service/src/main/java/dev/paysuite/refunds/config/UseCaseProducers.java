package dev.paysuite.refunds.config;

import dev.paysuite.refunds.application.domain.service.CreateRefundService;
import dev.paysuite.refunds.application.domain.service.ObservePaymentService;
import dev.paysuite.refunds.application.domain.service.RefundQueriesService;
import dev.paysuite.refunds.application.domain.service.RefundSettings;
import dev.paysuite.refunds.application.domain.service.SettleRefundsService;
import dev.paysuite.refunds.application.port.in.CreateRefundUseCase;
import dev.paysuite.refunds.application.port.in.ObservePaymentUseCase;
import dev.paysuite.refunds.application.port.in.SettleRefundsUseCase;
import dev.paysuite.refunds.application.port.out.ListRefundsPort;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.PublishRefundEventPort;
import dev.paysuite.refunds.application.port.out.RefundProcessorPort;
import dev.paysuite.refunds.application.port.out.SaveRefundPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the plain-Java application services to their adapters; inbound adapters open transactions. */
public class UseCaseProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    RefundSettings settings(RefundsConfig config) {
        return new RefundSettings(config.projectionWait(), config.projectionPoll());
    }

    @Produces
    @Singleton
    CreateRefundUseCase createRefund(LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment,
            SaveRefundPort refunds, PublishRefundEventPort events, RefundProcessorPort processor,
            RefundSettings settings, Clock clock) {
        return new CreateRefundService(loadPayment, savePayment, refunds, events, processor, settings, clock);
    }

    @Produces
    @Singleton
    SettleRefundsUseCase settleRefunds(LoadRefundPort loadRefunds, SaveRefundPort saveRefund,
            LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment,
            PublishRefundEventPort events, RefundProcessorPort processor, Clock clock) {
        return new SettleRefundsService(loadRefunds, saveRefund, loadPayment, savePayment, events, processor, clock);
    }

    @Produces
    @Singleton
    ObservePaymentUseCase observePayment(LoadRefundablePaymentPort load, SaveRefundablePaymentPort save) {
        return new ObservePaymentService(load, save);
    }

    /** One service answers both queries: its bean has the types GetRefundQuery and ListRefundsUseCase. */
    @Produces
    @Singleton
    RefundQueriesService refundQueries(LoadRefundPort load, ListRefundsPort list) {
        return new RefundQueriesService(load, list);
    }
}

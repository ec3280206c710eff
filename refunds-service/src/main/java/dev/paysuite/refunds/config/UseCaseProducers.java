package dev.paysuite.refunds.config;

import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.refunds.application.domain.service.CreateRefundService;
import dev.paysuite.refunds.application.domain.service.PaymentViewService;
import dev.paysuite.refunds.application.domain.service.RefundQueriesService;
import dev.paysuite.refunds.application.domain.service.SettleRefundsService;
import dev.paysuite.refunds.application.port.in.CreateRefundUseCase;
import dev.paysuite.refunds.application.port.out.ListRefundsPort;
import dev.paysuite.refunds.application.port.out.LoadRefundPort;
import dev.paysuite.refunds.application.port.out.LoadRefundablePaymentPort;
import dev.paysuite.refunds.application.port.out.PaymentEventsLagPort;
import dev.paysuite.refunds.application.port.out.PublishRefundEventPort;
import dev.paysuite.refunds.application.port.out.RefundProcessorPort;
import dev.paysuite.refunds.application.port.out.SaveRefundPort;
import dev.paysuite.refunds.application.port.out.SaveRefundablePaymentPort;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the plain-Java application services to their adapters. The services carry no framework
 * annotations; each declares its own steps with {@link Transactions}.
 */
public class UseCaseProducers {

    @Produces
    @Singleton
    CreateRefundUseCase createRefund(LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment,
            SaveRefundPort refunds, PublishRefundEventPort events, RefundProcessorPort processor,
            SettleRefundsService settling, Transactions transactions, Clock clock) {
        return new CreateRefundService(loadPayment, savePayment, refunds, events, processor, settling, transactions,
                clock);
    }

    /** Records the processor's answers and settles pending refunds (its bean is the SettleRefundsUseCase). */
    @Produces
    @Singleton
    SettleRefundsService settleRefunds(LoadRefundPort loadRefunds, SaveRefundPort saveRefund,
            LoadRefundablePaymentPort loadPayment, SaveRefundablePaymentPort savePayment,
            PublishRefundEventPort events, RefundProcessorPort processor, RefundsConfig config,
            Transactions transactions, Clock clock) {
        return new SettleRefundsService(loadRefunds, saveRefund, loadPayment, savePayment, events, processor,
                config.unansweredAfter(), transactions, clock);
    }

    /** One service keeps and answers the view of payments: its bean has both use cases' types. */
    @Produces
    @Singleton
    PaymentViewService paymentView(LoadRefundablePaymentPort load, SaveRefundablePaymentPort save,
            PaymentEventsLagPort lag, Transactions transactions) {
        return new PaymentViewService(load, save, lag, transactions);
    }

    /** One service answers both queries: its bean has the types GetRefundUseCase and ListRefundsUseCase. */
    @Produces
    @Singleton
    RefundQueriesService refundQueries(LoadRefundPort load, ListRefundsPort list) {
        return new RefundQueriesService(load, list);
    }
}

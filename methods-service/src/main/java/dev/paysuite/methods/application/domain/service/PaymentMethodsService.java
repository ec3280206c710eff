package dev.paysuite.methods.application.domain.service;

import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.methods.application.domain.model.MethodsNotFound;
import dev.paysuite.methods.application.domain.model.Customer;
import dev.paysuite.methods.application.domain.model.MethodDetails;
import dev.paysuite.methods.application.domain.model.MethodEvent;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.port.in.PaymentMethodsUseCase;
import dev.paysuite.methods.application.port.out.CustomerStore;
import dev.paysuite.methods.application.port.out.PaymentMethodStore;
import dev.paysuite.methods.application.port.out.PublishMethodEventPort;
import dev.paysuite.methods.application.port.out.VaultPort;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

public class PaymentMethodsService implements PaymentMethodsUseCase {
    static final String CUSTOMER_FIELD = "customerId";
    private final PaymentMethodStore methods;
    private final CustomerStore customers;
    private final VaultPort vault;
    private final PublishMethodEventPort events;
    private final Transactions transactions;
    private final Clock clock;

    public PaymentMethodsService(PaymentMethodStore methods, CustomerStore customers, VaultPort vault,
            PublishMethodEventPort events, Transactions transactions, Clock clock) {
        this.methods = methods;
        this.customers = customers;
        this.vault = vault;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public PaymentMethod create(CreateMethod c) {
        Instant now = clock.instant();
        MethodDetails details = MethodDetails.parse(c.type(), c.input(), YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        return transactions.inTransaction(() -> {
            Customer customer = c.customerId() == null ? null
                    : customers.lock(c.merchantId(), c.livemode(), c.customerId())
                            .orElseThrow(() -> MethodsNotFound.customer(c.customerId().value(), CUSTOMER_FIELD));
            VaultPort.Sealed sealed = details.secret().map(vault::seal).orElse(null);
            PaymentMethod method = PaymentMethod.create(c.merchantId(), c.livemode(), details, c.metadata(),
                    sealed == null ? null : sealed.recordId(), sealed == null ? null : sealed.secretHash(), now);
            List<MethodEvent> happened = new ArrayList<>();
            if (customer != null) {
                method.attach(customer.id(), now);
                happened.add(MethodEvent.attached(method, now));
            }
            methods.insert(method);
            events.publish(happened);
            return method;
        });
    }

    @Override
    public PaymentMethod get(String merchantId, boolean livemode, PaymentMethodId id) {
        return methods.load(merchantId, livemode, id).orElseThrow(() -> MethodsNotFound.method(id.value(), "id"));
    }

    @Override
    public Page<PaymentMethod> list(String merchantId, boolean livemode, CustomerId customer, MethodType type,
            PageQuery page) {
        if (customer != null && customers.load(merchantId, livemode, customer).isEmpty()) {
            throw MethodsNotFound.customer(customer.value(), CUSTOMER_FIELD);
        }
        PaymentMethodStore.Filter filter = new PaymentMethodStore.Filter(merchantId, livemode, customer, type);
        PageRequest request = page.resolve(id -> methods.load(merchantId, livemode, new PaymentMethodId(id)));
        return Page.of(request, methods.list(filter, request), methods.count(filter));
    }

    @Override
    public PaymentMethod attach(String merchantId, boolean livemode, PaymentMethodId id, CustomerId customerId) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Customer customer = customers.lock(merchantId, livemode, customerId)
                    .orElseThrow(() -> MethodsNotFound.customer(customerId.value(), CUSTOMER_FIELD));
            PaymentMethod method = methods.lock(merchantId, livemode, id)
                    .orElseThrow(() -> MethodsNotFound.method(id.value(), "id"));
            if (method.attach(customer.id(), now)) {
                methods.update(method);
                events.publish(List.of(MethodEvent.attached(method, now)));
            }
            return method;
        });
    }

    @Override
    public PaymentMethod detach(String merchantId, boolean livemode, PaymentMethodId id) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            // Customer before method, as attach and a customer's deletion lock them
            PaymentMethod seen = methods.load(merchantId, livemode, id)
                    .orElseThrow(() -> MethodsNotFound.method(id.value(), "id"));
            Customer customer = seen.customerId() == null ? null
                    : customers.lock(merchantId, livemode, seen.customerId()).orElse(null);
            PaymentMethod method = methods.lock(merchantId, livemode, id)
                    .orElseThrow(() -> MethodsNotFound.method(id.value(), "id"));
            method.detach(now);
            methods.update(method);
            if (customer != null) {
                customer.methodDetached(id, now);
                customers.update(customer);
            }
            events.publish(List.of(MethodEvent.detached(method, now)));
            return method;
        });
    }
}

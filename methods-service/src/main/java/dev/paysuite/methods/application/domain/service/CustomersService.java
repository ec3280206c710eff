package dev.paysuite.methods.application.domain.service;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.methods.application.domain.model.MethodsNotFound;
import dev.paysuite.methods.application.domain.model.Customer;
import dev.paysuite.methods.application.domain.model.MethodEvent;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.port.in.CustomersUseCase;
import dev.paysuite.methods.application.port.out.CustomerStore;
import dev.paysuite.methods.application.port.out.PaymentMethodStore;
import dev.paysuite.methods.application.port.out.PublishMethodEventPort;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public class CustomersService implements CustomersUseCase {
    private final CustomerStore customers;
    private final PaymentMethodStore methods;
    private final PublishMethodEventPort events;
    private final Transactions transactions;
    private final Clock clock;

    public CustomersService(CustomerStore customers, PaymentMethodStore methods, PublishMethodEventPort events,
            Transactions transactions, Clock clock) {
        this.customers = customers;
        this.methods = methods;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Customer create(CreateCustomer c) {
        Customer customer = Customer.create(c.merchantId(), c.livemode(), c.email(), c.name(), c.description(),
                c.metadata(), c.testClock(), clock.instant());
        return transactions.inTransaction(() -> {
            customers.insert(customer);
            events.publish(List.of(MethodEvent.customerCreated(customer)));
            return customer;
        });
    }

    @Override
    public Customer get(String merchantId, boolean livemode, CustomerId id) {
        return customers.load(merchantId, livemode, id)
                .orElseThrow(() -> MethodsNotFound.customer(id.value(), "id"));
    }

    @Override
    public WithMethods withMethods(String merchantId, boolean livemode, CustomerId id) {
        Customer customer = get(merchantId, livemode, id);
        return new WithMethods(customer, methods.attachedTo(merchantId, livemode, id));
    }

    @Override
    public Customer update(UpdateCustomer u) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Customer customer = customers.lock(u.merchantId(), u.livemode(), u.id())
                    .orElseThrow(() -> MethodsNotFound.customer(u.id().value(), "id"));
            customer.update(u.email(), u.name(), u.description(), u.metadata(), now);
            if (u.defaultPaymentMethodId() != null) {
                customer.useByDefault(defaultMethod(u, customer), now);
            }
            customers.update(customer);
            return customer;
        });
    }

    /** The new default: a usable method attached to this customer, or none ("" clears it). */
    private PaymentMethodId defaultMethod(UpdateCustomer u, Customer customer) {
        if (u.defaultPaymentMethodId().isEmpty()) {
            return null;
        }
        if (!u.defaultPaymentMethodId().matches("pm_[A-Za-z0-9_]{1,60}")) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid {" + Customer.DEFAULT_METHOD + "}: expected an id such as pm_1234567890.",
                    Customer.DEFAULT_METHOD);
        }
        PaymentMethodId id = new PaymentMethodId(u.defaultPaymentMethodId());
        PaymentMethod method = methods.load(u.merchantId(), u.livemode(), id)
                .orElseThrow(() -> MethodsNotFound.method(id.value(), Customer.DEFAULT_METHOD));
        if (!method.isChargeable() || !customer.id().equals(method.customerId())) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID, "Payment method " + id
                    + " is not attached to customer " + customer.id() + ": attach it first.", Customer.DEFAULT_METHOD);
        }
        return id;
    }

    @Override
    public Page<Customer> list(String merchantId, boolean livemode, PageQuery page) {
        PageRequest request = page.resolve(id -> customers.load(merchantId, livemode, new CustomerId(id)));
        return Page.of(request, customers.list(merchantId, livemode, request), customers.count(merchantId, livemode));
    }

    @Override
    public Customer delete(String merchantId, boolean livemode, CustomerId id) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Customer customer = customers.lock(merchantId, livemode, id)
                    .orElseThrow(() -> MethodsNotFound.customer(id.value(), "id"));
            List<MethodEvent> detached = new ArrayList<>();
            for (PaymentMethod method : methods.lockAttachedTo(id)) {
                method.detach(now);
                methods.update(method);
                detached.add(MethodEvent.detached(method, now));
            }
            customer.delete(now);
            customers.update(customer);
            events.publish(detached);
            return customer;
        });
    }
}

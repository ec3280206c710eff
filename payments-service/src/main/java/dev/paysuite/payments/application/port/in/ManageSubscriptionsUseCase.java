package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.payments.application.domain.model.Subscription;
import dev.paysuite.payments.application.domain.model.SubscriptionStatus;

/** A merchant's subscriptions through the API: create, retrieve, list, cancel, pause, resume. */
public interface ManageSubscriptionsUseCase {

    /** Which of a merchant's subscriptions a list shows: all, or a customer's, or those in a status. */
    record Filter(String customerId, SubscriptionStatus status) {
        public static final Filter ALL = new Filter(null, null);
    }

    /**
     * A new subscription; {@code recorded} is told its id in the step that saves it (an
     * Idempotency-Key binds to it). A first cycle due at once is charged before this answers.
     */
    Subscription create(String merchantId, boolean livemode, Subscription.Draft draft, Recorded recorded);

    Subscription get(SubscriptionRef ref);

    Page<Subscription> list(String merchantId, boolean livemode, Filter filter, PageQuery page);

    Subscription cancel(SubscriptionRef ref, boolean atPeriodEnd);

    Subscription pause(SubscriptionRef ref);

    Subscription resume(SubscriptionRef ref);
}

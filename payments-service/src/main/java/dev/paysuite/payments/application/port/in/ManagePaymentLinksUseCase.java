package dev.paysuite.payments.application.port.in;

import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.payments.application.domain.model.PaymentLink;

/** A merchant's payment links through the API: create, retrieve, list, deactivate. */
public interface ManagePaymentLinksUseCase {
    /** A link and whether it takes payments now. */
    record LinkView(PaymentLink link, boolean active) {
    }

    /** A new link; {@code recorded} is told its id in the step that saves it (an Idempotency-Key binds to it). */
    LinkView create(String merchantId, boolean livemode, PaymentLink.Draft draft, Recorded recorded);

    LinkView get(PaymentLinkRef ref);

    Page<LinkView> list(String merchantId, boolean livemode, PageQuery page);

    LinkView deactivate(PaymentLinkRef ref);
}

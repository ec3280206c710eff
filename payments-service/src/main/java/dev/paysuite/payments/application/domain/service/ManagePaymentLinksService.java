package dev.paysuite.payments.application.domain.service;

import dev.paysuite.kernel.Now;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.page.Page;
import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.kernel.page.PageRequest;
import dev.paysuite.kernel.page.Slice;
import dev.paysuite.kernel.tx.Recorded;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.payments.application.domain.model.PaymentException;
import dev.paysuite.payments.application.domain.model.PaymentLink;
import dev.paysuite.payments.application.port.in.ManagePaymentLinksUseCase;
import dev.paysuite.payments.application.port.in.PaymentLinkRef;
import dev.paysuite.payments.application.port.out.LoadPaymentLinkPort;
import dev.paysuite.payments.application.port.out.SavePaymentLinkPort;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A merchant's payment links: made, read and deactivated through the API. */
public class ManagePaymentLinksService implements ManagePaymentLinksUseCase {
    private final LoadPaymentLinkPort load;
    private final SavePaymentLinkPort save;
    private final Transactions transactions;
    private final Clock clock;

    public ManagePaymentLinksService(LoadPaymentLinkPort load, SavePaymentLinkPort save, Transactions transactions,
            Clock clock) {
        this.load = load;
        this.save = save;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public LinkView create(String merchantId, boolean livemode, PaymentLink.Draft draft, Recorded recorded) {
        PaymentLink link = PaymentLink.create(PaymentLinkId.generate(), merchantId, livemode, draft, Now.of(clock));
        transactions.inTransaction(() -> {
            save.insert(link);
            recorded.object(link.id());
        });
        return new LinkView(link, true);
    }

    @Override
    public LinkView get(PaymentLinkRef ref) {
        PaymentLink link = find(ref);
        return view(link, load.paid(List.of(link.id())), Now.of(clock));
    }

    @Override
    public Page<LinkView> list(String merchantId, boolean livemode, PageQuery query) {
        PageRequest request = query.resolve(id -> PaymentLinkId.isWellFormed(id)
                ? load.load(new PaymentLinkRef(merchantId, livemode, new PaymentLinkId(id)))
                : java.util.Optional.empty());
        Slice<PaymentLink> slice = load.list(merchantId, livemode, request);
        Page<PaymentLink> page = Page.of(request, slice, load.count(merchantId, livemode));
        Set<PaymentLinkId> paid = load.paid(page.data().stream().map(PaymentLink::id).toList());
        Instant now = Now.of(clock);
        return page.map(link -> view(link, paid, now));
    }

    @Override
    public LinkView deactivate(PaymentLinkRef ref) {
        find(ref);
        Instant now = Now.of(clock);
        PaymentLink after = transactions.inTransaction(() -> {
            PaymentLink locked = load.loadForUpdate(ref.id()).orElseThrow(() -> notFound(ref.id().value()));
            PaymentLink deactivated = locked.deactivate(now);
            if (deactivated != locked) {
                save.update(deactivated);
            }
            return deactivated;
        });
        return new LinkView(after, false);
    }

    private PaymentLink find(PaymentLinkRef ref) {
        return load.load(ref).orElseThrow(() -> notFound(ref.id().value()));
    }

    static LinkView view(PaymentLink link, Set<PaymentLinkId> paid, Instant now) {
        return new LinkView(link, link.unpayableReason(now, paid.contains(link.id())) == null);
    }

    static PaymentException notFound(String id) {
        return new PaymentException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such payment link: '" + id + "'", "id");
    }
}

package dev.paysuite.methods.adapter.in.rest;

import dev.paysuite.kernel.page.PageQuery;
import dev.paysuite.methods.adapter.json.PaymentMethodJson;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.port.in.VaultUseCase;
import dev.paysuite.platform.identity.Caller;
import dev.paysuite.platform.web.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;

/** What the REST resources share: a method's JSON with the caller's fingerprint, list parameters. */
@ApplicationScoped
public class MethodViews {
    private final VaultUseCase vault;

    public MethodViews(VaultUseCase vault) {
        this.vault = vault;
    }

    PaymentMethodJson json(Caller caller, PaymentMethod method) {
        return PaymentMethodJson.of(method, vault.fingerprint(caller.merchantId(), method.secretHash()));
    }

    static PageQuery page(String limit, String offset, String startingAfter, String endingBefore) {
        return CustomerResource.mapped(() -> new PageQuery(QueryParams.integer(limit, "limit", PageQuery.DEFAULT_LIMIT),
                blank(startingAfter) ? null : startingAfter, blank(endingBefore) ? null : endingBefore,
                QueryParams.integer(offset, "offset", 0)));
    }

    static MethodType type(String type) {
        return blank(type) ? null : CustomerResource.mapped(() -> MethodType.parse(type, MethodType.FIELD));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

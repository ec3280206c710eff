package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.PaymentLinkId;
import dev.paysuite.kernel.money.CurrencyUnit;
import dev.paysuite.kernel.money.Money;
import dev.paysuite.kernel.page.Listable;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A shareable payment link: a page anyone with its URL can pay a merchant on, for a fixed amount
 * (given, or the sum of its line items) in one currency, with the method types it allows. A
 * one-time link takes one payment (a failed or canceled attempt does not count); a reusable one any
 * number. It stops taking payments when deactivated or once its expiry has passed.
 */
public record PaymentLink(PaymentLinkId id, String merchantId, boolean livemode, Money amount, List<LineItem> lineItems,
        String description, Metadata metadata, boolean reusable, Instant expiresAt, String redirectUrl,
        List<String> paymentMethodTypes, boolean deactivated, Instant createdAt, Instant updatedAt) implements Listable {

    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_LINE_ITEMS = 100;
    public static final int MAX_URL = 2048;
    /** The method types a customer can pay with on the hosted page. */
    public static final List<String> PAYABLE_TYPES = List.of(PaymentInstrument.CARD, PaymentInstrument.BITCOIN,
            PaymentInstrument.ETHEREUM);

    public PaymentLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
        paymentMethodTypes = List.copyOf(paymentMethodTypes);
    }

    /** One line of what the customer pays for: its total is quantity times unit amount. */
    public record LineItem(String name, long quantity, long unitAmount) {
        public static final int MAX_NAME = 250;
        public static final long MAX_QUANTITY = 1000;
    }

    /** What a merchant asks for; validated by {@link #create}. */
    public record Draft(Long amount, String currency, List<LineItem> lineItems, String description, Metadata metadata,
            Boolean reusable, Instant expiresAt, String redirectUrl, List<String> paymentMethodTypes) {
    }

    /** A new, active link, or the first rule the draft breaks (naming its field). */
    public static PaymentLink create(PaymentLinkId id, String merchantId, boolean livemode, Draft d, Instant now) {
        if (d.currency() == null) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: currency.",
                    "currency");
        }
        CurrencyUnit currency = CurrencyUnit.of(d.currency());
        List<LineItem> items = d.lineItems() == null ? List.of() : d.lineItems();
        Money amount;
        if (!items.isEmpty()) {
            if (d.amount() != null) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Pass either amount or line_items, not both: the amount of a link with line items is their total.",
                        "amount");
            }
            amount = Money.of(total(items), currency.code());
        } else if (d.lineItems() != null) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID, "{lineItems} must hold at least one item.",
                    "lineItems");
        } else if (d.amount() == null) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_MISSING,
                    "Missing required parameter: amount (or line_items).", "amount");
        } else {
            amount = Money.of(d.amount(), currency.code());
        }
        if (d.description() != null && (d.description().isBlank() || d.description().length() > MAX_DESCRIPTION)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{description} must be 1 to " + MAX_DESCRIPTION + " characters.", "description");
        }
        if (d.expiresAt() != null && !d.expiresAt().isAfter(now)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID, "{expiresAt} must be in the future.",
                    "expiresAt");
        }
        String redirect = d.redirectUrl() == null ? null : webUrl(d.redirectUrl(), "redirectUrl");
        List<String> types = methodTypes(d.paymentMethodTypes(), currency);
        return new PaymentLink(id, merchantId, livemode, amount, items, d.description(),
                d.metadata() == null ? Metadata.EMPTY : d.metadata(), d.reusable() != null && d.reusable(),
                d.expiresAt(), redirect, types, false, now, now);
    }

    private static long total(List<LineItem> items) {
        if (items.size() > MAX_LINE_ITEMS) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{lineItems} can hold at most " + MAX_LINE_ITEMS + " items.", "lineItems");
        }
        long total = 0;
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            String at = "lineItems[" + i + "]";
            if (item == null) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID, "{" + at + "} must be an object.", at);
            }
            if (item.name() == null || item.name().isBlank() || item.name().length() > LineItem.MAX_NAME) {
                throw PaymentException.invalid(item.name() == null ? ErrorCodes.PARAMETER_MISSING : ErrorCodes.PARAMETER_INVALID,
                        "{" + at + ".name} must be 1 to " + LineItem.MAX_NAME + " characters.", at + ".name");
            }
            if (item.quantity() < 1 || item.quantity() > LineItem.MAX_QUANTITY) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "{" + at + ".quantity} must be 1 to " + LineItem.MAX_QUANTITY + ".", at + ".quantity");
            }
            if (item.unitAmount() < 1) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "{" + at + ".unitAmount} must be a positive integer in the currency's minor unit.",
                        at + ".unitAmount");
            }
            try {
                total = Math.addExact(total, Math.multiplyExact(item.quantity(), item.unitAmount()));
            } catch (ArithmeticException e) {
                throw PaymentException.invalid(ErrorCodes.AMOUNT_INVALID, "The line items' total is too large.",
                        "lineItems");
            }
        }
        return total;
    }

    /**
     * The allowed types: default the one a crypto currency is paid with, or {@code card}; each must
     * be payable on the page and able to pay the currency (a BTC link takes bitcoin only).
     */
    private static List<String> methodTypes(List<String> given, CurrencyUnit currency) {
        if (given == null) {
            return List.of(currency.code().equals("BTC") ? PaymentInstrument.BITCOIN
                    : currency.code().equals("ETH") ? PaymentInstrument.ETHEREUM : PaymentInstrument.CARD);
        }
        if (given.isEmpty()) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{paymentMethodTypes} must name at least one type.", "paymentMethodTypes");
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : given) {
            if (type == null || !PAYABLE_TYPES.contains(type)) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID, "Invalid {paymentMethodTypes}: "
                        + (type != null && type.length() <= 40 ? "'" + type + "'. " : "")
                        + "A payment link takes " + String.join(", ", PAYABLE_TYPES) + ".", "paymentMethodTypes");
            }
            if (!new PaymentInstrument(type, null, null, null, null, null).accepts(currency)) {
                throw new PaymentException(DomainException.Kind.INVALID, PaymentErrorCodes.CURRENCY_NOT_SUPPORTED,
                        "The payment method type " + type + " cannot pay in " + currency.code() + ".",
                        "paymentMethodTypes");
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }

    /** An absolute http or https URL with a host, as a customer's browser is sent to. */
    public static String webUrl(String value, String field) {
        String problem = null;
        if (value.length() > MAX_URL) {
            problem = "{" + field + "} can be at most " + MAX_URL + " characters.";
        } else {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    problem = "{" + field + "} must be an absolute http or https URL.";
                }
            } catch (Exception e) {
                problem = "{" + field + "} must be an absolute http or https URL.";
            }
        }
        if (problem != null) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID, problem, field);
        }
        return value;
    }

    /** Stops taking payments; deactivating an inactive link changes nothing. */
    public PaymentLink deactivate(Instant now) {
        return deactivated ? this : new PaymentLink(id, merchantId, livemode, amount, lineItems, description, metadata,
                reusable, expiresAt, redirectUrl, paymentMethodTypes, true, createdAt, now);
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Why a customer cannot pay this link now (given whether a one-time link was already paid), or null. */
    public String unpayableReason(Instant now, boolean paid) {
        if (deactivated) {
            return "This payment link is no longer active.";
        }
        if (isExpired(now)) {
            return "This payment link has expired.";
        }
        if (!reusable && paid) {
            return "This payment link has already been paid.";
        }
        return null;
    }

    /** Refuses a payment the link cannot take now, or with a method type it does not allow. */
    public void requirePayable(Instant now, boolean paid, String methodType) {
        String reason = unpayableReason(now, paid);
        if (reason != null) {
            throw new PaymentException(DomainException.Kind.CONFLICT, PaymentErrorCodes.PAYMENT_LINK_INACTIVE, reason,
                    null);
        }
        if (!paymentMethodTypes.contains(methodType)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "This payment link does not take " + methodType + ".", "method");
        }
    }

    /** Whether a one-time link's attempt in this state counts as its payment (a failed or canceled one does not). */
    public static boolean countsAsPaid(PaymentStatus status) {
        return status != PaymentStatus.FAILED && status != PaymentStatus.CANCELED;
    }
}

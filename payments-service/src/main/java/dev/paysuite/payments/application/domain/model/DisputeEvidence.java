package dev.paysuite.payments.application.domain.model;

import dev.paysuite.kernel.error.ErrorCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a merchant shows the issuer to contest a dispute: four texts (a description of what was sold,
 * the conversation with the customer, the shipping carrier's tracking number, the refund policy
 * shown to the customer), each optional, and references to files the merchant keeps (a
 * {@code file_…} id or an https URL). Evidence is given in parts: {@link #with} lays a newer part
 * over what was given before.
 */
public record DisputeEvidence(String productDescription, String customerCommunication, String shippingTracking,
        String refundPolicy, List<String> files) {

    public static final int MAX_TEXT = 20_000;
    public static final int MAX_TRACKING = 200;
    public static final int MAX_FILES = 10;
    public static final int MAX_FILE_REFERENCE = 500;
    public static final DisputeEvidence NONE = new DisputeEvidence(null, null, null, null, List.of());
    private static final Pattern FILE_ID = Pattern.compile("file_[A-Za-z0-9_-]{1,100}");
    private static final Pattern HTTPS_URL = Pattern.compile("https://[^\\s\\p{Cntrl}]+");

    public DisputeEvidence {
        files = files == null ? List.of() : files;
        if (files.stream().anyMatch(Objects::isNull)) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Each of {evidence.files} is a file's id (file_…) or an https URL.", "evidence.files");
        }
        files = List.copyOf(files);
        text(productDescription, "evidence.product_description", MAX_TEXT);
        text(customerCommunication, "evidence.customer_communication", MAX_TEXT);
        text(shippingTracking, "evidence.shipping_tracking", MAX_TRACKING);
        text(refundPolicy, "evidence.refund_policy", MAX_TEXT);
        if (files.size() > MAX_FILES) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{evidence.files} holds at most " + MAX_FILES + " file references.", "evidence.files");
        }
        for (String file : files) {
            if (file == null || file.length() > MAX_FILE_REFERENCE
                    || !(FILE_ID.matcher(file).matches() || HTTPS_URL.matcher(file).matches())) {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "Each of {evidence.files} is a file's id (file_…) or an https URL of at most "
                                + MAX_FILE_REFERENCE + " characters.", "evidence.files");
            }
        }
    }

    private static void text(String value, String field, int max) {
        if (value == null) {
            return;
        }
        if (value.isBlank() || value.length() > max) {
            throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{" + field + "} is a text of 1 to " + max + " characters.", field);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw PaymentException.invalid(ErrorCodes.PARAMETER_INVALID,
                        "{" + field + "} may not hold control characters.", field);
            }
        }
    }

    /** This evidence with the parts {@code newer} gives laid over it (its files, if it names any, replace these). */
    public DisputeEvidence with(DisputeEvidence newer) {
        Objects.requireNonNull(newer, "newer");
        return new DisputeEvidence(or(newer.productDescription, productDescription),
                or(newer.customerCommunication, customerCommunication), or(newer.shippingTracking, shippingTracking),
                or(newer.refundPolicy, refundPolicy), newer.files.isEmpty() ? files : new ArrayList<>(newer.files));
    }

    public boolean isEmpty() {
        return productDescription == null && customerCommunication == null && shippingTracking == null
                && refundPolicy == null && files.isEmpty();
    }

    private static String or(String newer, String older) {
        return newer != null ? newer : older;
    }
}

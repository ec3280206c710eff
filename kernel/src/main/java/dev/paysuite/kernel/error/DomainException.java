package dev.paysuite.kernel.error;

import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule of a domain refused the request. The kind says which family of answer it is; the code is
 * the public {@code error.code}; the field is the domain's own name for what was wrong
 * ({@code amountToCapture}, {@code metadata.order_id}). The message names fields the same way, in
 * braces ({@code "{amountToCapture} must be ..."}), so that the inbound adapter can write both with
 * the names of its API. Domains subclass it for their own factories.
 */
public class DomainException extends RuntimeException {
    private static final Pattern FIELD_REFERENCE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.\\-]*)}");

    public enum Kind {
        /** The request itself is wrong (missing or malformed value, wrong state for the action). */
        INVALID,
        /** The object does not exist for this caller (another merchant's objects do not exist either). */
        NOT_FOUND,
        /** The action was already done, or nothing is left to do it to. */
        CONFLICT,
        /** Well formed, but it cannot be done. */
        UNPROCESSABLE,
        /** Something the domain depends on (the vault, say) cannot answer now; nothing was done, retry later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final String template;
    private final String field;

    public DomainException(Kind kind, String code, String message, String field) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.template = Objects.requireNonNull(message, "message");
        this.field = field;
    }

    public static DomainException invalid(String code, String message, String field) {
        return new DomainException(Kind.INVALID, code, message, field);
    }

    public static DomainException missing(String field) {
        return invalid(ErrorCodes.PARAMETER_MISSING, "Missing required parameter: {" + field + "}.", field);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The domain's name of the value that was wrong; null when the request as a whole was. */
    public String field() {
        return field;
    }

    /** The message with every field it names written as {@code naming} calls that field. */
    public String message(UnaryOperator<String> naming) {
        Matcher m = FIELD_REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(naming.apply(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** The message with the domain's own field names, for logs. */
    @Override
    public String getMessage() {
        return message(UnaryOperator.identity());
    }
}

package dev.paysuite.platform.web;

import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.platform.error.ApiException;

/**
 * The characters text from a client may not hold, wherever it comes in (a JSON string or key, a
 * path segment, a query name or value): control characters other than tab, line feed and carriage
 * return (C0, DEL and C1), and unpaired surrogates. NUL is one PostgreSQL cannot store; the others
 * mean nothing in a payment's text and could garble logs and dashboards; an unpaired surrogate is no
 * character at all (UTF-8 cannot encode it, so it would be stored as '?', and answers could not be
 * written). Refused at the edge, they never reach a domain, a database or an answer.
 */
public final class ClientText {
    private ClientText() {
    }

    /** The index of the first refused character, or -1 when the text is acceptable. */
    public static int firstRefused(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n'
                    && c != '\r')) {
                return i;
            }
        }
        return -1;
    }

    /** Refuses a value holding a refused character: 400 {@code parameter_invalid} naming {@code param} (null: the body itself). */
    public static void checkValue(CharSequence value, String param) {
        int at = firstRefused(value);
        if (at >= 0) {
            throw refused(param, false, value.charAt(at));
        }
    }

    /** Refuses a name holding a refused character: a key of the object {@code param}, or (null) a parameter's name. */
    public static void checkName(CharSequence name, String param) {
        int at = firstRefused(name);
        if (at >= 0) {
            throw refused(param, true, name.charAt(at));
        }
    }

    private static ApiException refused(String param, boolean name, char c) {
        String what = Character.isSurrogate(c)
                ? String.format("the unpaired surrogate U+%04X, which is not a character", (int) c)
                : String.format("the control character U+%04X; text may hold tabs and line breaks but no other "
                        + "control characters", (int) c);
        String subject = param != null ? "Invalid " + param + (name ? ": a key" : ": it")
                : name ? "A parameter name" : "The request body";
        return ApiException.invalid(ErrorCodes.PARAMETER_INVALID, subject + " contains " + what + ".", param);
    }
}

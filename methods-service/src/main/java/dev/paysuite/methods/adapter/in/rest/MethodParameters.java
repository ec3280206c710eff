package dev.paysuite.methods.adapter.in.rest;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.platform.error.ApiParameters;

/**
 * The API's names for the domain's fields: {@code card.expMonth} is {@code card[exp_month]},
 * {@code achDebit.routingNumber} is {@code ach_debit[routing_number]}; metadata keys stay as the
 * caller wrote them ({@code metadata[orderId]}).
 */
final class MethodParameters {
    private MethodParameters() {
    }

    static String name(String field) {
        if (field == null) {
            return null;
        }
        int dot = field.indexOf('.');
        if (dot < 0 || field.startsWith(Metadata.FIELD + ".")) {
            return ApiParameters.name(field);
        }
        return ApiParameters.name(field.substring(0, dot)) + "[" + ApiParameters.name(field.substring(dot + 1)) + "]";
    }
}

package dev.paysuite.webhooks.adapter.in.rest;

import java.util.List;

/** The body of creating or updating an endpoint; {@code status} only on update, {@code dialect} only on creation. */
public record EndpointRequest(String url, List<String> enabledEvents, String description, String status,
        String dialect) {
    static final EndpointRequest EMPTY = new EndpointRequest(null, null, null, null, null);
}

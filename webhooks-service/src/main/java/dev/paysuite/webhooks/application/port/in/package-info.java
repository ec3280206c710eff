/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `application.port.in`; see STYLE.md for what belongs here. */
package dev.paysuite.webhooks.application.port.in;

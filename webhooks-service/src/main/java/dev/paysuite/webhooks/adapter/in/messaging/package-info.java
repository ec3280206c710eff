/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `adapter.in.messaging`; see STYLE.md for what belongs here. */
package dev.paysuite.webhooks.adapter.in.messaging;

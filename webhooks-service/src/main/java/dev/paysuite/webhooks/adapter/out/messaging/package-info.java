/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `adapter.out.messaging`; see STYLE.md for what belongs here. */
package dev.paysuite.webhooks.adapter.out.messaging;

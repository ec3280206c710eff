/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `adapter.in.messaging`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.webhooks.adapter.in.messaging;

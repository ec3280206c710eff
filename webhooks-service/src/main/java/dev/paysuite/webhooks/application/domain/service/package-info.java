/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `application.domain.service`; see STYLE.md for what belongs here. */
package dev.paysuite.webhooks.application.domain.service;

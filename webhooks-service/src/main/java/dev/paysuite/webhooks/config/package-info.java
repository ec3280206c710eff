/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `config`; see STYLE.md for what belongs here. */
package dev.paysuite.webhooks.config;

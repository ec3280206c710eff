/** Refunds: refunds that scale on their own, kept consistent with payments by events. Hexagon package `application.port.out`; see STYLE.md for what belongs here. */
package dev.paysuite.refunds.application.port.out;

/** Refunds: refunds that scale on their own, kept consistent with payments by events. Hexagon package `adapter.in.rest`; see STYLE.md for what belongs here. */
package dev.paysuite.refunds.adapter.in.rest;

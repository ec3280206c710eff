package dev.paysuite.methods.application.domain.model;

/** What an acquirer answered a forwarding: its HTTP status and body, passed back as they are. */
public record AcquirerAnswer(int status, String body) {
}

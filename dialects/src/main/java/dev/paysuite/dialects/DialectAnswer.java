package dev.paysuite.dialects;

/** What the client gets: the status and JSON body this dialect documents. */
public record DialectAnswer(int status, byte[] body) {
}

package dev.paysuite.dialects;

import java.util.function.Function;

/** What a dialect request needs next: the canonical request itself, or first a canonical resource. */
public sealed interface Translation permits CanonicalRequest, Translation.Lookup {

    /**
     * Read {@code path} ({@code GET}, as the same caller) first; a 200's body goes to {@code then},
     * which translates the request with it (and may refuse it). Any other answer is the request's
     * answer, through {@link Exchange#answer} (a 404 for an unknown payment, in the dialect's words).
     */
    record Lookup(String path, Function<byte[], Translation> then) implements Translation {
    }
}

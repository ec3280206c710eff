package dev.paysuite.kernel.id;

/** An identifier whose type prefix ({@code pay_}, {@code ref_}, ...) tells what it names. */
public interface TypedId {
    String value();
}

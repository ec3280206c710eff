package dev.paysuite.methods.application.domain.model;

/**
 * A value that is vault data (a card or an account number): compared by value, and printed as a
 * label and its last four characters only, so that no log line or exception message carries it by
 * accident.
 */
public abstract class VaultSecret {
    private final String value;

    protected VaultSecret(String value) {
        this.value = value;
    }

    public String last4() {
        return value.substring(value.length() - 4);
    }

    /** The whole value, for the vault's encryption and fingerprint only. */
    public final String secret() {
        return value;
    }

    /** What may be shown beside the last four: the brand, the country. */
    protected abstract String label();

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((VaultSecret) o).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[" + label() + " …" + last4() + "]";
    }
}

package dev.paysuite.gateway.application.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** HTTP headers: names compare case-insensitively, a name may repeat. Immutable. */
public final class Headers {
    private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization", "cookie");

    private final Map<String, List<String>> byName;

    private Headers(TreeMap<String, List<String>> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static Headers empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> first(String name) {
        List<String> values = byName.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> all(String name) {
        return byName.getOrDefault(name, List.of());
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** These headers with {@code name} set to {@code value} alone, whatever it was before. */
    public Headers with(String name, String value) {
        TreeMap<String, List<String>> copy = copy();
        copy.remove(name);
        copy.put(name, List.of(value));
        return new Headers(copy);
    }

    public Headers filter(Predicate<String> keepName) {
        TreeMap<String, List<String>> copy = copy();
        copy.keySet().removeIf(keepName.negate());
        return new Headers(copy);
    }

    /** Every value, one call per value, in the order received. */
    public void forEach(BiConsumer<String, String> action) {
        byName.forEach((name, values) -> values.forEach(value -> action.accept(name, value)));
    }

    private TreeMap<String, List<String>> copy() {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(byName);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && byName.equals(other.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    /** Credentials are redacted, so headers can be logged or printed in a failed assertion. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Headers[");
        forEach((name, value) -> s.append(name).append(": ")
                .append(SECRET.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : value).append("; "));
        return s.append(']').toString();
    }

    public static final class Builder {
        private final TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        public Builder add(String name, String value) {
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        public Headers build() {
            TreeMap<String, List<String>> frozen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            byName.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
            return new Headers(frozen);
        }
    }
}

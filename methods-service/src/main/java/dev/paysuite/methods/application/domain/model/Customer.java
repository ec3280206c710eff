package dev.paysuite.methods.application.domain.model;

import dev.paysuite.kernel.Metadata;
import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.CustomerId;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.id.TestClockId;
import dev.paysuite.kernel.page.Listable;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A merchant's customer: who pays, with the methods attached to them and the one charged by default.
 * A test-mode customer may follow a test clock, named at creation and never changed; payments-service
 * owns the clocks, so only the id's shape is checked here.
 */
public final class Customer implements Listable {
    public static final String EMAIL = "email";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String DEFAULT_METHOD = "defaultPaymentMethodId";
    public static final String TEST_CLOCK = "testClock";
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final CustomerId id;
    private final String merchantId;
    private final boolean livemode;
    private final Instant createdAt;
    private final TestClockId testClock;
    private String email;
    private String name;
    private String description;
    private Metadata metadata;
    private PaymentMethodId defaultPaymentMethodId;
    private boolean deleted;
    private Instant updatedAt;

    public Customer(CustomerId id, String merchantId, boolean livemode, String email, String name, String description,
            Metadata metadata, PaymentMethodId defaultPaymentMethodId, TestClockId testClock, boolean deleted,
            Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.livemode = livemode;
        this.testClock = testClock;
        this.email = email;
        this.name = name;
        this.description = description;
        this.metadata = metadata == null ? Metadata.EMPTY : metadata;
        this.defaultPaymentMethodId = defaultPaymentMethodId;
        this.deleted = deleted;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    public static Customer create(String merchantId, boolean livemode, String email, String name, String description,
            Metadata metadata, Instant now) {
        return create(merchantId, livemode, email, name, description, metadata, null, now);
    }

    /** A new customer; {@code testClock} (a {@code clock_} id, test mode only) or null. */
    public static Customer create(String merchantId, boolean livemode, String email, String name, String description,
            Metadata metadata, String testClock, Instant now) {
        return new Customer(CustomerId.generate(), merchantId, livemode, email(email), text(name, NAME, 256),
                text(description, DESCRIPTION, 1000), metadata, null, testClock(testClock, livemode), false, now, now);
    }

    private static TestClockId testClock(String value, boolean livemode) {
        if (value == null) {
            return null;
        }
        if (livemode) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID, "Test clocks exist in test mode only: a live"
                    + " customer cannot follow one; leave out {" + TEST_CLOCK + "}.", TEST_CLOCK);
        }
        if (!TestClockId.isWellFormed(value)) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid {" + TEST_CLOCK + "}: expected a test clock id such as clock_1234567890.", TEST_CLOCK);
        }
        return new TestClockId(value);
    }

    /** Changes what the update names; a field it leaves out (null) keeps its value, an empty string clears it. */
    public void update(String email, String name, String description, Metadata metadata, Instant now) {
        if (email != null) {
            this.email = email.isEmpty() ? null : email(email);
        }
        if (name != null) {
            this.name = name.isEmpty() ? null : text(name, NAME, 256);
        }
        if (description != null) {
            this.description = description.isEmpty() ? null : text(description, DESCRIPTION, 1000);
        }
        if (metadata != null) {
            this.metadata = merged(this.metadata, metadata);
        }
        updatedAt = now;
    }

    /** The method charged when none is named: one attached to this customer (the caller checked), or none. */
    public void useByDefault(PaymentMethodId method, Instant now) {
        defaultPaymentMethodId = method;
        updatedAt = now;
    }

    /** A detached method stops being the default. */
    public void methodDetached(PaymentMethodId method, Instant now) {
        if (method.equals(defaultPaymentMethodId)) {
            defaultPaymentMethodId = null;
            updatedAt = now;
        }
    }

    public void delete(Instant now) {
        deleted = true;
        defaultPaymentMethodId = null;
        updatedAt = now;
    }

    /** Keys of the update replace the customer's; a key given an empty value is removed. */
    static Metadata merged(Metadata current, Metadata update) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>(current.values());
        update.values().forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                values.remove(k);
            } else {
                values.put(k, v);
            }
        });
        return Metadata.of(values);
    }

    private static String email(String email) {
        if (email == null) {
            return null;
        }
        if (email.length() > 512 || !EMAIL_SHAPE.matcher(email).matches()) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid {" + EMAIL + "}: expected an address such as jenny@example.com.", EMAIL);
        }
        return email;
    }

    private static String text(String value, String field, int max) {
        if (value != null && (value.length() > max || value.chars().anyMatch(c -> c < 0x20 && c != '\t'))) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Invalid {" + field + "}: at most " + max + " characters, without control characters.", field);
        }
        return value;
    }

    @Override
    public CustomerId id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public boolean livemode() {
        return livemode;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Metadata metadata() {
        return metadata;
    }

    public PaymentMethodId defaultPaymentMethodId() {
        return defaultPaymentMethodId;
    }

    /** The test clock this customer follows, or null. */
    public TestClockId testClock() {
        return testClock;
    }

    public boolean deleted() {
        return deleted;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

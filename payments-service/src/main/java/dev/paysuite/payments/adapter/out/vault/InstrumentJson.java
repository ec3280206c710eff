package dev.paysuite.payments.adapter.out.vault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paysuite.payments.application.domain.model.PaymentInstrument;

/**
 * methods-service's answer to {@code GET /internal/v1/instruments/{ref}}: the fields payments keeps
 * ({@code object}, {@code id}, {@code funding} and whatever the vault adds later are ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstrumentJson(@JsonProperty("type") String type, @JsonProperty("brand") String brand,
        @JsonProperty("last4") String last4, @JsonProperty("exp_month") Integer expMonth,
        @JsonProperty("exp_year") Integer expYear, @JsonProperty("fingerprint") String fingerprint) {

    PaymentInstrument toInstrument() {
        return new PaymentInstrument(type, brand, last4, expMonth, expYear, fingerprint);
    }
}

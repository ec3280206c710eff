package dev.paysuite.methods.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.methods.application.domain.model.Instrument;
import dev.paysuite.methods.application.domain.model.ShownDetails;

/** What payments-service learns of a method or token it charges (the internal API): never a number. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InstrumentJson(String object, String id, String type, String brand, String last4, Integer expMonth,
        Integer expYear, String funding, String fingerprint) {

    static InstrumentJson of(String object, Instrument i) {
        ShownDetails s = i.shown();
        return new InstrumentJson(object, i.id(), i.type().apiName(), s.brand(), s.last4(), s.expMonth(), s.expYear(),
                s.funding(), i.fingerprint());
    }
}

package dev.paysuite.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.paysuite.platform.error.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query values a database or Java could not hold are a 400 naming the parameter, never passed on. */
class QueryParamsTest {

    @Test
    void timesOutsideYears1To9999AreRefusedNamingTheParameter() {
        for (String time : List.of("-999999999999", "999999999999", "253402300800", "-62135596801",
                "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "0000-12-31T23:59:59Z",
                "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
            ApiException refused = assertThrows(ApiException.class, () -> QueryParams.instant(time, "created_after"),
                    time);
            assertEquals("created_after", refused.body().error().param());
            assertEquals("parameter_invalid", refused.body().error().code());
        }
    }

    @Test
    void theFirstAndLastInstantsOfYears1To9999AreAccepted() {
        assertEquals(QueryParams.EARLIEST, QueryParams.instant("0001-01-01T00:00:00Z", "created_after"));
        assertEquals(QueryParams.EARLIEST, QueryParams.instant("-62135596800", "created_after"));
        assertEquals(QueryParams.EARLIEST, QueryParams.instant("0001-01-01", "created_after"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), QueryParams.instant("253402300799", "created_before"));
        assertEquals(QueryParams.LATEST, QueryParams.instant("9999-12-31T23:59:59.999999999Z", "created_before"));
    }

    @Test
    void integersOutsideAnIntAreRefusedNamingTheParameter() {
        for (String value : List.of("2147483648", "99999999999", "-2147483649", "1e3", "0x10", "1.5")) {
            assertEquals("offset", assertThrows(ApiException.class, () -> QueryParams.integer(value, "offset", 0),
                    value).body().error().param());
        }
    }
}

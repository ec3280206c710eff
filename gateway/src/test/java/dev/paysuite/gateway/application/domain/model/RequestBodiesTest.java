package dev.paysuite.gateway.application.domain.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
            "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json;",
            " application/json ", "application/json; charset=utf8"})
    void jsonInUtf8IsAccepted(String type) {
        assertTrue(RequestBodies.isJson(type), type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ";", "text/plain", "text/json", "application/xml", "application/*", "*/*",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json, text/plain",
            "application/json; charset=latin1", "application/json; charset=utf-16", "application/json; boundary=x",
            "application/json; charset", "application/json;;", "application/jsonx", "application/json-patch+json",
            "application/json; =utf-8"})
    void anythingElseIsNot(String type) {
        assertFalse(RequestBodies.isJson(type), type);
    }

    @Test
    void noTypeIsNotJson() {
        assertFalse(RequestBodies.isJson(null));
    }

    @Test
    void aBodyIsALengthAboveZeroOrAChunkedOneOfUnknownLength() {
        assertTrue(RequestBodies.carriesBody(1, false));
        assertTrue(RequestBodies.carriesBody(-1, true));
        assertFalse(RequestBodies.carriesBody(0, false));
        assertFalse(RequestBodies.carriesBody(0, true)); // a declared length of 0 wins
        assertFalse(RequestBodies.carriesBody(-1, false));
    }
}

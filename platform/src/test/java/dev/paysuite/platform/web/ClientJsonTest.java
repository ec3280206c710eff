package dev.paysuite.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.error.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of bodies holds every string and key to the text rule, names the parameter, and refuses a key given twice. */
class ClientJsonTest {
    final ObjectMapper application = StrictJson.apply(new ObjectMapper());
    final ObjectMapper client = new ClientJson(application).getContext(Object.class);

    record Body(String description, Map<String, String> metadata, JsonNode details, List<String> tags) {
    }

    ApiException refusal(String json) {
        Exception thrown = assertThrows(Exception.class, () -> client.readValue(json, Body.class));
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        throw new AssertionError("not refused with an ApiException: " + thrown);
    }

    @Test
    void everyStringValueAndKeyIsHeldToTheTextRuleAndNamedAsTheApiNamesIt() {
        assertEquals("description", refusal("{\"description\": \"a\\u0000b\"}").body().error().param());
        assertEquals("metadata[order_id]", refusal("{\"metadata\": {\"order_id\": \"\\u007f\"}}").body().error().param());
        ApiException key = refusal("{\"metadata\": {\"a\\u0001\": \"v\"}}");
        assertEquals("metadata", key.body().error().param());
        assertTrue(key.body().error().message().startsWith("Invalid metadata: a key contains the control character U+0001"));
        assertEquals("details[card][number]", refusal("{\"details\": {\"card\": {\"number\": \"\\u001b\"}}}")
                .body().error().param());
        assertEquals("tags[1]", refusal("{\"tags\": [\"ok\", \"\\u0085\"]}").body().error().param());
        ApiException name = refusal("{\"descr\\u0000iption\": \"x\"}");
        assertNull(name.body().error().param());
        assertTrue(name.body().error().message().startsWith("A parameter name contains the control character U+0000"));
        assertTrue(refusal("{\"description\": \"\\ud800\"}").body().error().message()
                .contains("the unpaired surrogate U+D800"));
        assertEquals(400, refusal("{\"description\": \"\\udc00\\ud800\"}").status());
    }

    @Test
    void tabsLineBreaksAndWholeCharactersAreKeptExactly() throws Exception {
        Body body = client.readValue("{\"description\": \"a\\tb\\nc\\rd \\ud83d\\ude00 \u00e9\\ufeff\"}", Body.class);
        assertEquals("a\tb\nc\rd \uD83D\uDE00 \u00e9\uFEFF", body.description());
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        assertThrows(JsonProcessingException.class,
                () -> client.readValue("{\"description\": \"a\", \"description\": \"b\"}", Body.class));
        assertThrows(JsonProcessingException.class,
                () -> client.readValue("{\"metadata\": {\"k\": \"1\", \"k\": \"2\"}}", Body.class));
    }

    @Test
    void whatAServiceReadsBackFromItsOwnStoresIsNotHeldToTheRule() throws Exception {
        // Text kept before the rule (control characters other than NUL fit in PostgreSQL) must still read.
        assertEquals("a\u0001b", application.readValue("{\"description\": \"a\\u0001b\"}", Body.class).description());
    }
}

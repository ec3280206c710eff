package dev.paysuite.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paysuite.platform.error.ApiParameters;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The JSON of request and answer bodies: the application's mapper ({@link StrictJson}) with two
 * rules more for what a client sends. Every string value and every key is held to
 * {@link ClientText} as it is parsed, whatever it is read into (a String, a map, a JsonNode), and a
 * refusal names the parameter the way the API does ({@code description}, {@code metadata[order_id]},
 * {@code metadata} for one of its keys). A key given twice is refused rather than the last one
 * silently winning. Bodies only: what a service reads back from its own database or from events is
 * not held to these rules, so text stored before them still reads.
 */
@Provider
public class ClientJson implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper;

    public ClientJson(ObjectMapper application) {
        JsonFactory factory = new CheckingFactory(application.getFactory(), null);
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.mapper = application.copyWith(factory);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    /** Makes the same parsers as the factory it copies, each checked by {@link CheckingParser}. */
    static final class CheckingFactory extends JsonFactory {
        CheckingFactory(JsonFactory source, ObjectCodec codec) {
            super(source, codec);
        }

        @Override
        public JsonFactory copy() {
            return new CheckingFactory(this, null);
        }

        @Override
        protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
            return new CheckingParser(super._createParser(in, ctxt));
        }

        @Override
        protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
            return new CheckingParser(super._createParser(r, ctxt));
        }

        @Override
        protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
                throws IOException {
            return new CheckingParser(super._createParser(data, offset, len, ctxt, recyclable));
        }

        @Override
        protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
            return new CheckingParser(super._createParser(data, offset, len, ctxt));
        }

        @Override
        protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
            return new CheckingParser(super._createParser(input, ctxt));
        }
    }

    /**
     * Checks each key and string value as the parser reaches it. The other {@code next...} methods
     * of {@link JsonParser} go through {@link #nextToken()}, so nothing a deserializer reads escapes it.
     */
    static final class CheckingParser extends JsonParserDelegate {
        CheckingParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.VALUE_STRING) {
                ClientText.checkValue(delegate.getText(), ApiParameters.of(delegate.getParsingContext()));
            } else if (token == JsonToken.FIELD_NAME) {
                ClientText.checkName(delegate.currentName(), ApiParameters.of(delegate.getParsingContext().getParent()));
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }
    }
}

package dev.paysuite.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paysuite.gateway.application.domain.model.Routes;
import dev.paysuite.gateway.application.domain.model.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The one public OpenAPI document: each service's own (SmallRye OpenAPI, stored by its build) merged
 * over the gateway's base (error object, security schemes, headers), keeping only what the gateway
 * serves. A pure function of its inputs, so the unit tests run it on small documents.
 * <ul>
 * <li>A path is kept only if it is under {@code /v1/} and the gateway's routing table sends it to the
 * service that documents it; {@code /q/...}, {@code /internal/...} and anything routed elsewhere
 * are dropped.</li>
 * <li>Schemas of the same name and content are kept once; a different one of the same name gets the
 * service's name in front ({@code RefundsCard}), and its references follow.</li>
 * <li>Every operation gets the security of the gateway (an API key, or a token with the scope the
 * gateway asks for), the headers every answer carries, the error answers the gateway and services
 * give, and the {@code Idempotency-Key} header where its service reads it.</li>
 * <li>The services answer a field without a value as {@code null}, so a property not required
 * may be null.</li>
 * <li>Seed 002's examples are attached to the operations and answers they belong to.</li>
 * </ul>
 */
public final class PublicApiDocument {
    static final String SCHEMAS = "#/components/schemas/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}/]+}");
    private static final List<String> ANSWER_HEADERS = List.of("Request-Id", "X-RateLimit-Limit",
            "X-RateLimit-Remaining", "X-RateLimit-Reset");
    /** The error answers every operation may give, by status, and the component describing each. */
    private static final Map<String, String> ERRORS = Map.of("400", "BadRequest", "401", "Unauthorized",
            "403", "Forbidden", "429", "TooManyRequests", "500", "ServerError", "503", "Unavailable");
    /** The error answers that say when to come back. */
    private static final Set<String> RETRY_AFTER = Set.of("TooManyRequests", "Unavailable");
    private static final Map<String, String> OTHER_ERRORS = Map.of("402", "PaymentRequired", "404", "NotFound",
            "409", "Conflict", "422", "Unprocessable");

    private PublicApiDocument() {
    }

    /**
     * @param base the gateway's part: info, security schemes, the error object, headers, answers
     * @param services each upstream's name (as in the routing table) to its own document, in the order to merge
     * @param routes the gateway's routing table
     * @param examples seed 002's examples ({@code {"examples": [{operation, summary, request?, status, response}]}})
     */
    public static ObjectNode merge(JsonNode base, Map<String, JsonNode> services, Routes routes, JsonNode examples) {
        ObjectNode document = base.deepCopy();
        ObjectNode components = object(document, "components");
        ObjectNode schemas = object(components, "schemas");
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Map.Entry<String, JsonNode> service : services.entrySet()) {
            String name = service.getKey();
            JsonNode own = service.getValue().deepCopy();
            renameClashingSchemas(own, schemas, name);
            own.path("components").path("schemas").fields()
                    .forEachRemaining(schema -> schemas.set(schema.getKey(), schema.getValue()));
            own.path("paths").fields().forEachRemaining(path -> {
                if (routedTo(path.getKey(), name, routes)) {
                    paths.put(path.getKey(), (ObjectNode) path.getValue());
                }
            });
        }
        schemas.fields().forEachRemaining(schema -> {
            if (!schema.getKey().equals("Error")) {
                nullableUnlessRequired(schema.getValue());
            }
        });
        ObjectNode documentPaths = document.putObject("paths");
        paths.forEach((path, item) -> {
            operations(item).forEach((method, operation) -> complete(path, method, operation));
            documentPaths.set(path, item);
        });
        object(components, "responses").fields().forEachRemaining(response -> errorAnswer(
                (ObjectNode) response.getValue(), RETRY_AFTER.contains(response.getKey())));
        attachExamples(document, documentPaths, examples);
        keepOnlyReferencedSchemas(document);
        return document;
    }

    /** The schemas the kept operations use, and the error object: an internal endpoint's never show. */
    static void keepOnlyReferencedSchemas(ObjectNode document) {
        ObjectNode schemas = object(object(document, "components"), "schemas");
        Set<String> used = new java.util.HashSet<>(Set.of("Error"));
        List<JsonNode> pending = new ArrayList<>(List.of(document.path("paths"), document.path("components").path("responses"),
                document.path("components").path("parameters"), document.path("components").path("headers")));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            String ref = node.path("$ref").asText("");
            if (ref.startsWith(SCHEMAS) && used.add(ref.substring(SCHEMAS.length()))) {
                pending.add(schemas.path(ref.substring(SCHEMAS.length())));
            }
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(pending::add);
            }
        }
        List<String> unused = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (!used.contains(name)) {
                unused.add(name);
            }
        });
        schemas.remove(unused);
    }

    /** Whether the gateway serves {@code path} (a template) and sends it to {@code upstream}. */
    static boolean routedTo(String path, String upstream, Routes routes) {
        if (!path.startsWith("/v1/")) {
            return false;
        }
        return routes.upstreamFor(concrete(path)).filter(upstream::equals).isPresent();
    }

    /** A path the template stands for ({@code /v1/payments/{id}} is {@code /v1/payments/id}). */
    static String concrete(String template) {
        return TEMPLATE.matcher(template).replaceAll(m -> m.group().substring(1, m.group().length() - 1));
    }

    private static void renameClashingSchemas(JsonNode own, ObjectNode merged, String service) {
        Map<String, String> renamed = new HashMap<>();
        JsonNode ownSchemas = own.path("components").path("schemas");
        ownSchemas.fieldNames().forEachRemaining(name -> {
            JsonNode existing = merged.get(name);
            if (existing != null && !existing.equals(ownSchemas.get(name))) {
                renamed.put(name, capitalized(service) + name);
            }
        });
        if (renamed.isEmpty()) {
            return;
        }
        ObjectNode schemas = (ObjectNode) ownSchemas;
        renamed.forEach((from, to) -> schemas.set(to, schemas.remove(from)));
        rewriteReferences(own, renamed);
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                String target = renamed.get(ref.asText().substring(SCHEMAS.length()));
                if (target != null) {
                    object.put("$ref", SCHEMAS + target);
                }
            }
            object.elements().forEachRemaining(child -> rewriteReferences(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteReferences(child, renamed));
        }
    }

    /** OpenAPI 3.1 (JSON Schema 2020-12): {@code type: [x, "null"]} for every property not required. */
    static void nullableUnlessRequired(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        JsonNode properties = object.path("properties");
        Set<String> required = new java.util.HashSet<>();
        object.path("required").elements().forEachRemaining(r -> required.add(r.asText()));
        properties.fields().forEachRemaining(property -> {
            if (property.getValue() instanceof ObjectNode p) {
                if (p.has("oneOf")) {
                    // a JsonNode field annotated with its real choices: SmallRye also writes what it
                    // makes of JsonNode itself (an array of JsonNode), which is not what is accepted
                    p.remove(List.of("type", "$ref", "items"));
                }
                if (!required.contains(property.getKey())) {
                    nullable(p);
                }
                nullableUnlessRequired(p);
                nullableUnlessRequired(p.path("items"));
            }
        });
    }

    private static void nullable(ObjectNode property) {
        if (property.get("oneOf") instanceof ArrayNode choices) {
            choices.addObject().put("type", "null");
            return;
        }
        JsonNode type = property.get("type");
        if (type != null && type.isTextual() && !type.asText().equals("null")) {
            property.set("type", JSON.arrayNode().add(type.asText()).add("null"));
        } else if (type instanceof ArrayNode types) {
            boolean hasNull = false;
            for (JsonNode t : types) {
                hasNull |= t.asText().equals("null");
            }
            if (!hasNull) {
                types.add("null");
            }
        } else if (type == null && property.has("$ref")) {
            ObjectNode ref = JSON.objectNode().put("$ref", property.get("$ref").asText());
            property.remove("$ref");
            property.putArray("anyOf").add(ref).add(JSON.objectNode().put("type", "null"));
        }
    }

    private static Map<String, ObjectNode> operations(ObjectNode item) {
        Map<String, ObjectNode> operations = new TreeMap<>();
        item.fields().forEachRemaining(field -> {
            if (METHODS.contains(field.getKey()) && field.getValue() instanceof ObjectNode operation) {
                operations.put(field.getKey(), operation);
            }
        });
        return operations;
    }

    private static void complete(String path, String method, ObjectNode operation) {
        String upper = method.toUpperCase(Locale.ROOT);
        ArrayNode tags = operation.putArray("tags");
        tags.add(path.split("/")[2]);
        security(operation, Scope.requiredFor(upper, concrete(path)));
        boolean idempotent = idempotencyKeyParameter(operation);
        ObjectNode responses = object(operation, "responses");
        Map<String, String> errors = new TreeMap<>(ERRORS);
        if (TEMPLATE.matcher(path).find()) {
            errors.put("404", OTHER_ERRORS.get("404"));
        }
        if (idempotent) {
            errors.put("409", OTHER_ERRORS.get("409"));
            errors.put("422", OTHER_ERRORS.get("422"));
        }
        if (upper.equals("POST") && (path.equals("/v1/payments") || path.endsWith("/confirm"))) {
            errors.put("402", OTHER_ERRORS.get("402"));
        }
        // a service's own error answer says no more than its status: the shared one says what it means
        errors.forEach((status, component) -> {
            if (!responses.path(status).has("content")) {
                responses.putObject(status).put("$ref", "#/components/responses/" + component);
            }
        });
        responses.fields().forEachRemaining(response -> {
            ObjectNode answer = (ObjectNode) response.getValue();
            if (!answer.has("$ref")) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    errorAnswer(answer, false);
                } else {
                    answerHeaders(answer, idempotent);
                }
            }
        });
    }

    private static void security(ObjectNode operation, Optional<Scope> scope) {
        ArrayNode security = operation.putArray("security");
        security.addObject().putArray("apiKey");
        ArrayNode keycloak = security.addObject().putArray("keycloak");
        scope.ifPresent(s -> keycloak.add(s.wireName()));
    }

    /** The service's own {@code Idempotency-Key} header parameter becomes the shared one; whether it had one. */
    private static boolean idempotencyKeyParameter(ObjectNode operation) {
        JsonNode parameters = operation.get("parameters");
        if (!(parameters instanceof ArrayNode list)) {
            return false;
        }
        boolean found = false;
        for (int i = 0; i < list.size(); i++) {
            JsonNode parameter = list.get(i);
            if ("header".equals(parameter.path("in").asText())
                    && "idempotency-key".equalsIgnoreCase(parameter.path("name").asText())) {
                list.set(i, JSON.objectNode().put("$ref", "#/components/parameters/IdempotencyKey"));
                found = true;
            }
        }
        return found;
    }

    private static void answerHeaders(ObjectNode answer, boolean idempotent) {
        ObjectNode headers = object(answer, "headers");
        List<String> names = new ArrayList<>(ANSWER_HEADERS);
        if (idempotent) {
            names.add("Idempotent-Replayed");
        }
        names.forEach(name -> headers.putObject(name).put("$ref", "#/components/headers/" + name));
    }

    /** An error answer: the error object, and the headers every answer carries ({@code Retry-After} where it says when to come back). */
    private static void errorAnswer(ObjectNode answer, boolean retryAfter) {
        answer.putObject("content").putObject("application/json").putObject("schema").put("$ref", SCHEMAS + "Error");
        ObjectNode headers = object(answer, "headers");
        ANSWER_HEADERS.forEach(name -> headers.putObject(name).put("$ref", "#/components/headers/" + name));
        if (retryAfter) {
            headers.putObject("Retry-After").put("$ref", "#/components/headers/Retry-After");
        }
    }

    private static void attachExamples(ObjectNode document, ObjectNode paths, JsonNode examples) {
        int n = 0;
        for (JsonNode example : examples.path("examples")) {
            n++;
            String[] operationName = example.path("operation").asText().split(" ", 2);
            ObjectNode operation = find(paths, operationName[0], operationName[1]);
            String key = "seed_002_" + n;
            if (example.has("request")) {
                ObjectNode media = object(object(object(operation, "requestBody"), "content"), "application/json");
                object(media, "examples").set(key, named(example, example.get("request")));
            }
            String status = example.path("status").asText();
            JsonNode answer = operation.path("responses").get(status);
            ObjectNode response;
            if (answer instanceof ObjectNode own && !own.has("$ref")) {
                response = own;
            } else {
                // a shared error answer: this operation gets its own copy, with the example
                JsonNode shared = answer == null ? null : document.at(answer.path("$ref").asText("#").substring(1));
                response = JSON.objectNode().put("description",
                        shared == null ? "Refused." : shared.path("description").asText("Refused."));
                errorAnswer(response, false);
                ((ObjectNode) operation.get("responses")).set(status, response);
            }
            if (!(response.path("content").path("application/json") instanceof ObjectNode media)) {
                throw new IllegalStateException("The answer " + example.path("status").asText() + " of "
                        + example.path("operation").asText() + " has no JSON to show an example of");
            }
            object(media, "examples").set(key, named(example, example.get("response")));
        }
    }

    private static ObjectNode named(JsonNode example, JsonNode value) {
        ObjectNode named = JSON.objectNode();
        named.put("summary", example.path("summary").asText());
        named.set("value", value);
        return named;
    }

    /** The operation {@code METHOD path}; {@code {}} in the path stands for any parameter. */
    private static ObjectNode find(ObjectNode paths, String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> it = paths.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (TEMPLATE.matcher(entry.getKey()).replaceAll("{}").equals(path)) {
                JsonNode operation = entry.getValue().get(method.toLowerCase(Locale.ROOT));
                if (operation instanceof ObjectNode found) {
                    return found;
                }
            }
        }
        throw new IllegalStateException("Seed 002's example for " + method + " " + path
                + " names an operation the public document does not have");
    }

    private static ObjectNode object(JsonNode parent, String field) {
        ObjectNode node = (ObjectNode) parent;
        JsonNode child = node.get(field);
        return child instanceof ObjectNode object ? object : node.putObject(field);
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

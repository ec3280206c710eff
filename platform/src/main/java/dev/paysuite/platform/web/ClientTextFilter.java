package dev.paysuite.platform.web;

import dev.paysuite.platform.error.ApiParameters;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every path parameter and every query parameter (name and value) of a matched request to
 * {@link ClientText} before the body is read or a resource runs: 400 naming the parameter
 * ({@code id}, {@code payment_id}, {@code starting_after}). Runs for every resource of every service.
 */
public class ClientTextFilter {

    @ServerRequestFilter
    public void refuseControlCharacters(UriInfo uri) {
        check(uri.getPathParameters(), true);
        check(uri.getQueryParameters(), false);
    }

    private static void check(MultivaluedMap<String, String> parameters, boolean path) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            ClientText.checkName(parameter.getKey(), null);
            String name = path ? ApiParameters.name(parameter.getKey()) : parameter.getKey();
            for (String value : parameter.getValue()) {
                ClientText.checkValue(value, name);
            }
        }
    }
}

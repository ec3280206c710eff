package dev.paysuite.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Carries the gateway's Request-Id into this service's log lines and back on the answer. */
public class RequestIdFilter {
    public static final String HEADER = "Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    @ServerRequestFilter(preMatching = true)
    public void in(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id != null && SAFE.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
            request.setProperty(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void out(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}

package dev.paysuite.e2e.environment;

import java.nio.file.Path;
import java.util.Map;

/**
 * One service as a deployment starts it.
 *
 * @param module    the Maven module whose packaged jar runs (payments-service, …, gateway)
 * @param variables its environment, exactly as the deployment gives it (secrets filled in)
 * @param files     what it mounts: the path inside the container (a file or a folder) → this machine's
 *                  file or folder standing in for it
 */
public record ServiceEnvironment(String module, Map<String, String> variables, Map<String, Path> files) {
    public ServiceEnvironment {
        variables = Map.copyOf(variables);
        files = Map.copyOf(files);
    }
}

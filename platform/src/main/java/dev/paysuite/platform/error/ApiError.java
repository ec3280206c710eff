package dev.paysuite.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paysuite.kernel.error.ErrorType;
import java.util.Map;

/** The body of every error answer: {@code {"error": {"type", "code", "message", "param", "details"}}}. */
public record ApiError(Detail error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String type, String code, String message, String param, Map<String, Object> details) {
    }

    public static ApiError of(ErrorType type, String code, String message, String param, Map<String, Object> details) {
        return new ApiError(new Detail(type.wireName(), code, message, param, details));
    }
}

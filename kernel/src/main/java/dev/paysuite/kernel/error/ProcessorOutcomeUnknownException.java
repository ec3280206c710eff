package dev.paysuite.kernel.error;

/**
 * The processor did not answer in time, or the answer was lost: the operation may or may not have
 * happened. Nothing is decided on it; the payment stays processing until the processor is asked again.
 */
public class ProcessorOutcomeUnknownException extends RuntimeException {
    public ProcessorOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}

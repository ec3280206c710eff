package dev.paysuite.gateway.application.port.out;

public interface PublishKeyChangePort {
    /**
     * Tells every gateway replica that the key changed (revoked, rolled, new limits), so they evict
     * their cached copy. Never fails: when the message cannot be sent, the replicas' cache time to
     * live still bounds how long they may use the old copy.
     */
    void publish(String keyId);
}

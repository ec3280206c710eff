package dev.paysuite.gateway.application.port.out;

public interface EvictCachedApiKeyPort {
    /** Drops this replica's cached copy of the key, if any: the next request with it reads the database. */
    void evict(String keyId);

    /** Drops every cached key. */
    void evictAll();
}

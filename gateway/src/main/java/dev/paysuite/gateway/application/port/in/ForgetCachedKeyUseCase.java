package dev.paysuite.gateway.application.port.in;

public interface ForgetCachedKeyUseCase {
    /** Another replica changed this key: the copy this replica may hold is dropped, so the next request reads it afresh. */
    void forget(String keyId);

    /** News of changes may have been missed (the channel was down): every cached key is dropped. */
    void forgetAll();
}

package dev.paysuite.platform.hexagonfixtures.bad.adapter.out.persistence;

import jakarta.transaction.Transactional;

/** Breaks noTransactionIsBegunByAnnotation: @Transactional (REQUIRED) begins a transaction of its own. */
public class AnnotatedThingAdapter {

    @Transactional
    public void purge() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void purgeInTheCallersTransaction() {
    }
}

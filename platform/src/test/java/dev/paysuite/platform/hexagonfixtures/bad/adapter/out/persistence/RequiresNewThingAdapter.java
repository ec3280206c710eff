package dev.paysuite.platform.hexagonfixtures.bad.adapter.out.persistence;

import jakarta.transaction.Transactional;

/** Breaks noTransactionIsBegunByAnnotation at class level: every method begins a new transaction. */
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RequiresNewThingAdapter {

    public void compact() {
    }
}

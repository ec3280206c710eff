package dev.paysuite.payments.adapter.out.persistence;

import dev.paysuite.platform.persistence.MerchantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "test_clocks")
public class TestClockJpaEntity extends MerchantOwnedEntity {
    public String name;
    @Column(name = "frozen_time", nullable = false)
    public Instant frozenTime;
    @Column(nullable = false)
    public String status;
    @Column(name = "advance_to")
    public Instant advanceTo;
}

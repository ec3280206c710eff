package dev.paysuite.methods.adapter.in.scheduler;

import dev.paysuite.methods.application.port.in.VaultUseCase;
import dev.paysuite.methods.config.VaultConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Key rotation: re-seals, batch by batch, every vault record sealed under a key other than the
 * active one. Instances share the work ({@code FOR UPDATE SKIP LOCKED}); each record is re-sealed
 * once and the audit log says so. Once none is left, the old key can leave the configuration.
 */
@ApplicationScoped
public class VaultRotationJob {
    private static final Logger LOG = Logger.getLogger(VaultRotationJob.class);
    /** At most this many batches per run, so a run never holds the scheduler thread for long. */
    private static final int BATCHES_PER_RUN = 50;
    private final VaultUseCase vault;
    private final VaultConfig config;

    public VaultRotationJob(VaultUseCase vault, VaultConfig config, MeterRegistry registry) {
        this.vault = vault;
        this.config = config;
        Gauge.builder("paysuite_vault_records_on_old_keys", vault, VaultRotationJob::onOldKeys)
                .description("Vault records sealed under a key other than the active one: 0 once a rotation is over")
                .register(registry);
    }

    private static double onOldKeys(VaultUseCase vault) {
        try {
            return vault.recordsOnOldKeys();
        } catch (RuntimeException databaseAway) {
            return Double.NaN;
        }
    }

    @Scheduled(every = "${paysuite.vault.rotation.every:30s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void rotate() {
        pass();
    }

    /**
     * One rotation pass, the scheduled one or an operator's ({@link VaultRotationTrigger}): batches
     * until a batch comes back short (nothing left) or {@value #BATCHES_PER_RUN} batches are done.
     *
     * @return how many records it re-sealed
     */
    public int pass() {
        int total = 0;
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            int resealed = vault.rotateBatch(config.rotation().batchSize());
            total += resealed;
            if (resealed < config.rotation().batchSize()) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Key rotation: re-sealed %d vault records under the active key %s", total, config.activeKey());
        }
        return total;
    }

    /** Records still sealed under a key other than the active one. */
    public long remaining() {
        return vault.recordsOnOldKeys();
    }
}

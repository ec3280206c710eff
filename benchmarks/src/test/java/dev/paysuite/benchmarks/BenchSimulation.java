package dev.paysuite.benchmarks;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A simulation that tells run.sh when its load starts and ends (files {@code <class>.started} and
 * {@code <class>.ended} in {@code bench.out}), so that CPU is sampled over the load alone, not over
 * the JVM's start or the set-up.
 */
abstract class BenchSimulation extends Simulation {
    @Override
    public void before() {
        mark("started");
    }

    @Override
    public void after() {
        mark("ended");
    }

    private void mark(String what) {
        try {
            Path dir = Path.of(System.getProperty("bench.out", "target/bench"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(getClass().getSimpleName() + "." + what), Long.toString(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

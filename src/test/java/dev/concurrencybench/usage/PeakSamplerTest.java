package dev.concurrencybench.usage;

import static dev.concurrencybench.usage.Fixtures.JVM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class PeakSamplerTest {

    @Test
    void memoryIsSummedOverTheTreeAndThreadsAreTheJvmsOwn() {
        PeakSampler sampler = new PeakSampler(Fixtures.proc("before"), JVM, Duration.ofMillis(10));
        sampler.sample();
        PeakSampler.Peaks peaks = sampler.stop();
        assertEquals(20, peaks.threads(), "the worker's 18 threads are not the JVM's");
        assertEquals((300_000L + 60_000 + 2_000) * 1024, peaks.rssBytes(), "999 is not in the tree");
        assertEquals(2, peaks.samples(), "the test's and stop()'s");
    }

    @Test
    void aZombieHoldsNoMemory() {
        PeakSampler sampler = new PeakSampler(Fixtures.proc("zombie"), JVM, Duration.ofMillis(10));
        sampler.sample();
        assertEquals(310_000L * 1024, sampler.stop().rssBytes());
    }

    @Test
    void aListingKnownToBeDearIsNotRepeatedInTheNextWindow() {
        AtomicInteger listings = new AtomicInteger();
        ProcFs proc = new ProcFs(Fixtures.root("before"), file -> {
            if (file.endsWith("children")) {
                listings.incrementAndGet();
            }
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        });
        long dear = Duration.ofSeconds(20).toNanos(); // 200 times that is over an hour
        PeakSampler sampler = new PeakSampler(proc, JVM, Duration.ofMillis(10), List.of(1001L, 1002L), dear);
        sampler.sample();
        sampler.sample();
        PeakSampler.Peaks peaks = sampler.stop();
        assertEquals(0, listings.get(), "the tree given is used until the wait for a listing that dear has passed");
        assertEquals(dear, peaks.listingNanos());
        assertEquals((300_000L + 60_000 + 2_000) * 1024, peaks.rssBytes());

        PeakSampler.Peaks first = new PeakSampler(proc, JVM, Duration.ofMillis(10), List.of(), 0).stop();
        assertTrue(listings.get() > 0, "with no listing cost known, the first sample lists the children");
        assertTrue(first.listingNanos() > 0 && first.listingNanos() < dear, "and learns what it costs");
    }

    @Test
    void aChildStartedAfterTheWindowOpenedIsSummedOnceListed() {
        // The window opened on a childless JVM; the worker 1001 came later, and its own child 1002
        // later still: children are listed again during the window, grandchildren are not.
        PeakSampler sampler = new PeakSampler(Fixtures.proc("before"), JVM, Duration.ofMillis(10), List.of(), 0);
        sampler.sample();
        assertEquals((300_000L + 60_000) * 1024, sampler.stop().rssBytes());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void threadsAliveAtASampleAreInThePeakAndTheSamplerIsNot() throws InterruptedException {
        Set<Thread> before = Leaks.liveThreads();
        ProcFs proc = new ProcFs(ProcFs.DEFAULT_ROOT);
        long self = ProcessHandle.current().pid();
        int n = 64;
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                started.countDown();
                awaitQuietly(release);
            }));
        }
        PeakSampler sampler = new PeakSampler(proc, self, Duration.ofMillis(10)).start();
        started.await();
        sampler.sample(); // one sample while all n are surely alive, whenever the sampler's own come
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        PeakSampler.Peaks peaks = sampler.stop();
        assertTrue(peaks.threads() >= n + 1, peaks + ": the " + n + " started and this test's own");
        assertTrue(peaks.samples() >= 3, "start()'s, the test's, and stop()'s: " + peaks);
        assertTrue(peaks.rssBytes() > 0);
        assertTrue(peaks.cpuNanos() >= 0);
        Leaks.assertNoNewThreads(before);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.parley.engine.internal.rtc;

import dev.parley.engine.Subscription;
import dev.parley.engine.internal.DeviceSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Notices microphones, speakers and cameras being plugged in and out, for the whole
 * process: while anyone watches, a thread ({@code parley-devices}) reads the device lists
 * every {@value #PERIOD_MILLIS} ms and tells the watchers what changed. It polls because
 * webrtc-java's change listener is reported to crash on Linux (upstream issue #55); the lists
 * it reads are kept current by webrtc-java from the sound server's events, so a poll is cheap.
 * The thread ends when the last watcher leaves.
 *
 * <p>Threading: thread safe; watchers are called on the {@code parley-devices} thread.
 */
public final class DeviceWatch {

    static final long PERIOD_MILLIS = 500;

    private static final Logger log = LoggerFactory.getLogger(DeviceWatch.class);
    private static final DeviceWatch INSTANCE = new DeviceWatch();

    private final List<BiConsumer<DeviceSnapshot, DeviceSnapshot>> watchers = new CopyOnWriteArrayList<>();
    private volatile DeviceSnapshot latest;
    private Thread thread;

    private DeviceWatch() {
    }

    /** The process's watch. */
    public static DeviceWatch instance() {
        return INSTANCE;
    }

    /**
     * The devices now: the last poll while the watch runs, a fresh listing otherwise.
     *
     * @throws dev.parley.engine.MediaException if the devices cannot be listed
     */
    public DeviceSnapshot current() {
        DeviceSnapshot known = latest;
        return known != null && isRunning() ? known : SystemDevices.snapshot();
    }

    /**
     * Calls {@code watcher} with the devices before and after every change, until the
     * subscription closes.
     */
    public Subscription watch(BiConsumer<DeviceSnapshot, DeviceSnapshot> watcher) {
        watchers.add(watcher);
        synchronized (this) {
            if (thread == null) {
                latest = SystemDevices.snapshot();
                thread = new Thread(this::poll, "parley-devices");
                thread.setDaemon(true);
                thread.start();
            }
        }
        return () -> {
            watchers.remove(watcher);
            synchronized (this) {
                notifyAll(); // the poller sees it has nobody left and ends
            }
        };
    }

    private synchronized boolean isRunning() {
        return thread != null;
    }

    private void poll() {
        while (true) {
            synchronized (this) {
                if (watchers.isEmpty()) {
                    thread = null;
                    return;
                }
                try {
                    wait(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    thread = null;
                    return;
                }
                if (watchers.isEmpty()) {
                    thread = null;
                    return;
                }
            }
            DeviceSnapshot before = latest;
            DeviceSnapshot after;
            try {
                after = SystemDevices.snapshot();
            } catch (RuntimeException e) {
                log.warn("devices could not be listed: {}", e.getMessage());
                continue;
            }
            if (after.differsFrom(before)) {
                latest = after;
                for (BiConsumer<DeviceSnapshot, DeviceSnapshot> watcher : watchers) {
                    try {
                        watcher.accept(before, after);
                    } catch (RuntimeException e) {
                        log.error("a device watcher failed", e);
                    }
                }
            }
        }
    }
}

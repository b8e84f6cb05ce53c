package dev.parley.engine.internal.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.parley.engine.AudioDeviceMode;
import dev.parley.engine.CallException;
import dev.parley.engine.MediaException;
import dev.parley.engine.internal.call.EngineThread;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. The one thread on which a client touches webrtc-java, and the native objects that live as
 * long as the client: the audio device module and the peer connection factory. webrtc-java is
 * not thread safe and fires its observers on native threads; everything native goes through
 * {@link #execute} or {@link #call}.
 *
 * <p>Threading: thread safe; {@link #factory()} only on the engine thread.
 */
public final class RtcEngine implements EngineThread, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RtcEngine.class);
    private static final long CALL_TIMEOUT_SECONDS = 20;

    private final ExecutorService thread;
    private volatile Thread engineThread;
    private AudioDeviceModuleBase audioModule;
    private PeerConnectionFactory factory;
    private ClientAudio audio;
    private boolean closed;

    public RtcEngine(String name, AudioDeviceMode mode) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            engineThread = t;
            return t;
        });
        try {
            call(() -> {
                start(mode);
                return null;
            });
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
    }

    private void start(AudioDeviceMode mode) {
        NativeLibrary.load();
        AudioDeviceMode chosen = mode == AudioDeviceMode.AUTO ? AudioEnvironment.detect() : mode;
        audioModule = NativeTracker.opened("audio device module",
                chosen == AudioDeviceMode.SYSTEM ? new AudioDeviceModule() : new HeadlessAudioDeviceModule());
        try {
            factory = NativeTracker.opened("peer connection factory", new PeerConnectionFactory(audioModule));
        } catch (RuntimeException e) {
            audioModule.dispose();
            NativeTracker.closed("audio device module");
            throw new MediaException("the WebRTC peer connection factory could not be created", e);
        }
        audio = new ClientAudio(this, chosen == AudioDeviceMode.SYSTEM ? audioModule : null);
        log.debug("{} started with {} audio", engineThread.getName(), chosen);
    }

    @Override
    public boolean isEngineThread() {
        return Thread.currentThread() == engineThread;
    }

    PeerConnectionFactory factory() {
        assert isEngineThread();
        if (closed) {
            throw new IllegalStateException("the client's WebRTC engine is closed");
        }
        return factory;
    }

    /** The client's microphone and speaker. */
    public ClientAudio audio() {
        return audio;
    }

    /** Runs {@code task} on the engine thread; a failure is logged, not thrown. After close, drops it. */
    @Override
    public void execute(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    // an Error here is webrtc-java refusing a native dispose; the engine thread must survive it
                    log.error("engine task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("engine is closed; dropped a task");
        }
    }

    /** Runs {@code task} on the engine thread and waits for its result (inline when already there). */
    @Override
    public <T> T call(Callable<T> task) {
        if (isEngineThread()) {
            return callInline(task);
        }
        Future<T> future;
        try {
            future = thread.submit(task);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the client's WebRTC engine is closed", e);
        }
        try {
            return future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new CallException("engine task failed", e.getCause());
        } catch (TimeoutException e) {
            throw new CallException("the WebRTC engine did not answer within " + CALL_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting for the WebRTC engine", e);
        }
    }

    private static <T> T callInline(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CallException("engine task failed", e);
        }
    }

    /**
     * Runs {@code cleanup} on the engine thread, then disposes the factory and the audio module
     * and ends the thread. Idempotent.
     */
    public void close(Runnable cleanup) {
        if (thread.isShutdown()) {
            return;
        }
        try {
            call(() -> {
                try {
                    cleanup.run();
                } finally {
                    disposeNatives();
                }
                return null;
            });
        } finally {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("{} did not end within 10 s", engineThread.getName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        close(() -> { });
    }

    private void disposeNatives() {
        if (closed) {
            return;
        }
        closed = true;
        audio.close();
        factory.dispose();
        NativeTracker.closed("peer connection factory");
        audioModule.dispose();
        NativeTracker.closed("audio device module");
    }
}

package dev.parley.demo;

import dev.parley.engine.AudioDevice;
import dev.parley.engine.CallClient;
import dev.parley.engine.CameraCapture;
import dev.parley.engine.CameraDevice;
import dev.parley.engine.Devices;
import dev.parley.engine.IceServer;
import dev.parley.engine.MediaException;
import dev.parley.engine.PixelFormat;
import dev.parley.engine.TestPatternCapture;
import dev.parley.engine.VideoCapture;
import dev.parley.engine.VideoFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

/**
 * What the demo remembers between runs (java.util.prefs): theme, camera, video format, and the
 * last server login except the password, which is never stored.
 *
 * <p>Threading: EDT.
 */
final class DemoSettings {

    /** The video formats offered in the settings. */
    static final List<VideoFormat> FORMATS = List.of(VideoFormat.DEFAULT,
            new VideoFormat(1280, 720, 30, PixelFormat.FORMAT_420F),
            new VideoFormat(320, 240, 15, PixelFormat.FORMAT_420F));
    static final String TEST_PATTERN = "";

    private final Preferences prefs;

    DemoSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    static DemoSettings load() {
        return new DemoSettings(Preferences.userNodeForPackage(DemoSettings.class));
    }

    boolean darkTheme() {
        return prefs.getBoolean("darkTheme", false);
    }

    void setDarkTheme(boolean dark) {
        prefs.putBoolean("darkTheme", dark);
    }

    /** The chosen camera's device id, or {@link #TEST_PATTERN}; by default the first camera there is. */
    /**
     * The folder of the demo's files (call histories): {@code parley.demo.configDir} when set (the
     * tests), else {@code $XDG_CONFIG_HOME/parley-demo}, else {@code ~/.config/parley-demo}.
     */
    static java.nio.file.Path configDir() {
        String chosen = System.getProperty("parley.demo.configDir");
        if (chosen != null) {
            return java.nio.file.Path.of(chosen);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        java.nio.file.Path base = xdg != null && !xdg.isBlank() ? java.nio.file.Path.of(xdg)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("parley-demo");
    }

    /** Where {@code userId}'s window was when it last closed, if that is on a screen now. */
    java.util.Optional<java.awt.Rectangle> windowBounds(long userId) {
        String saved = prefs.get("window." + userId, null);
        if (saved == null) {
            return java.util.Optional.empty();
        }
        try {
            String[] f = saved.split(",");
            java.awt.Rectangle bounds = new java.awt.Rectangle(Integer.parseInt(f[0]), Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]), Integer.parseInt(f[3]));
            boolean onScreen = java.util.Arrays.stream(java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getScreenDevices()).anyMatch(d -> d.getDefaultConfiguration().getBounds().intersects(bounds));
            return onScreen && bounds.width > 100 && bounds.height > 100 ? java.util.Optional.of(bounds)
                    : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // not what this demo wrote: place the window afresh
        }
    }

    void setWindowBounds(long userId, java.awt.Rectangle bounds) {
        prefs.put("window." + userId, bounds.x + "," + bounds.y + "," + bounds.width + "," + bounds.height);
    }

    /** The tab {@code userId}'s window showed last (0 people, 1 recent calls). */
    int windowTab(long userId) {
        return prefs.getInt("window." + userId + ".tab", 0);
    }

    void setWindowTab(long userId, int tab) {
        prefs.putInt("window." + userId + ".tab", tab);
    }

    /** The language chosen in the settings ("en", "de"), or "" for the system's. */
    String language() {
        return prefs.get("language", "");
    }

    void setLanguage(String language) {
        putOrRemove("language", language == null || language.isEmpty() ? null : language);
    }

    /** The languages the demo speaks, besides the system default. */
    static final List<String> LANGUAGES = List.of("en", "de");

    String cameraId() {
        String chosen = prefs.get("camera", null);
        if (chosen != null) {
            return chosen;
        }
        List<CameraDevice> cameras = cameras();
        return cameras.isEmpty() ? TEST_PATTERN : cameras.get(0).id();
    }

    void setCameraId(String id) {
        prefs.put("camera", id);
    }

    VideoFormat format() {
        int index = prefs.getInt("format", 0);
        return FORMATS.get(Math.max(0, Math.min(FORMATS.size() - 1, index)));
    }

    void setFormat(VideoFormat format) {
        prefs.putInt("format", Math.max(0, FORMATS.indexOf(format)));
    }

    /** The chosen microphone's id, or null for the system default. */
    String microphoneId() {
        return prefs.get("microphone", null);
    }

    /** The chosen speaker's id, or null for the system default. */
    String speakerId() {
        return prefs.get("speaker", null);
    }

    /** How loud calls ring, in percent (0: silent, the dialog alone). */
    int ringVolume() {
        return Math.max(0, Math.min(100, prefs.getInt("ringVolume", 80)));
    }

    void setRingVolume(int percent) {
        prefs.putInt("ringVolume", Math.max(0, Math.min(100, percent)));
    }

    /** The chosen speaker where it is plugged in, else null (the system default). */
    AudioDevice speaker() {
        String id = speakerId();
        if (id == null) {
            return null;
        }
        try {
            return Devices.speakers().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
        } catch (MediaException e) {
            return null; // no sound system
        }
    }

    void setMicrophoneId(String id) {
        putOrRemove("microphone", id);
    }

    void setSpeakerId(String id) {
        putOrRemove("speaker", id);
    }

    private void putOrRemove(String key, String id) {
        if (id == null) {
            prefs.remove(key);
        } else {
            prefs.put(key, id);
        }
    }

    /**
     * Has {@code client} use the chosen microphone and speaker, where they are plugged in (a
     * device that is gone leaves the system default).
     */
    void applyAudio(CallClient client) {
        choose(microphoneId(), Devices.microphones(), client::setMicrophone);
        choose(speakerId(), Devices.speakers(), client::setSpeaker);
    }

    private static void choose(String id, List<AudioDevice> devices, Consumer<AudioDevice> use) {
        try {
            use.accept(id == null ? null : devices.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null));
        } catch (MediaException e) {
            // no sound devices on this machine, or the device just went: the default stays
        }
    }

    String get(String key, String fallback) {
        return prefs.get("login." + key, fallback);
    }

    void put(String key, String value) {
        prefs.put("login." + key, value);
    }

    /** A capture as chosen: the camera when it exists, the test pattern otherwise. */
    VideoCapture newCapture() {
        String id = cameraId();
        return captureOf(id.equals(TEST_PATTERN) ? null
                : cameras().stream().filter(d -> d.id().equals(id)).findFirst().orElse(null));
    }

    /** A capture of {@code camera} in the chosen format, or the test pattern for {@code null} or a camera that went. */
    VideoCapture captureOf(CameraDevice camera) {
        if (camera != null) {
            try {
                return new CameraCapture(format(), camera);
            } catch (MediaException e) {
                // the camera went away: fall back to the pattern
            }
        }
        return new TestPatternCapture(format());
    }

    static List<CameraDevice> cameras() {
        try {
            return CameraCapture.devices();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** ICE servers from text, one per line: {@code stun:host:port} or {@code turn:host:port user password}. */
    static List<IceServer> parseIceServers(String text) {
        List<IceServer> servers = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts[0].isEmpty()) {
                continue;
            }
            if (parts[0].startsWith("stun:") && parts.length == 1) {
                servers.add(IceServer.stun(parts[0]));
            } else if ((parts[0].startsWith("turn:") || parts[0].startsWith("turns:")) && parts.length == 3) {
                servers.add(IceServer.turn(parts[0], parts[1], parts[2]));
            } else {
                throw new IllegalArgumentException("'" + line.trim() + "' is neither 'stun:host:port' nor"
                        + " 'turn:host:port user password'");
            }
        }
        return servers;
    }
}

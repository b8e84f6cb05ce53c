package dev.parley.engine.internal.rtc;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.parley.engine.AudioDevice;
import dev.parley.engine.MediaException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API. Chooses the microphone and the speaker of one audio device module, also while it
 * records or plays: the module stops, takes the new device and starts again, and the call
 * carries on without renegotiation.
 *
 * <p>Why not webrtc-java's {@code setRecordingDevice(AudioDevice)}: it finds the module's index
 * by the device's GUID, and libwebrtc's PulseAudio module gives every device an empty GUID, so
 * on Linux it always picks index 0, the default device (upstream issue #33). Here the module's
 * own index is found by the device's name and set through libwebrtc's
 * {@code AudioDeviceModule} interface, whose virtual functions this class calls with JNA: on
 * the Itanium C++ ABI (Linux) the vtable follows the declaration order of
 * {@code modules/audio_device/include/audio_device.h}. Before it trusts that layout, it checks
 * that the counts and names it reads through the vtable are those webrtc-java reports; when
 * they are not, choosing a device fails with a {@link MediaException} instead of guessing.
 * On other systems, where device GUIDs are filled in, webrtc-java's own calls are used.
 *
 * <p>Threading: the owner's thread only (the engine thread for a client's module).
 */
final class AudioModuleControl {

    private static final Logger log = LoggerFactory.getLogger(AudioModuleControl.class);
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static final int NAME_SIZE = 128; // kAdmMaxDeviceNameSize, and kAdmMaxGuidSize

    // libwebrtc AudioDeviceModule vtable slots (RefCountInterface's AddRef, Release and two
    // destructor entries come first).
    private static final int PLAYOUT_DEVICES = 9;
    private static final int RECORDING_DEVICES = 10;
    private static final int PLAYOUT_DEVICE_NAME = 11;
    private static final int RECORDING_DEVICE_NAME = 12;
    private static final int SET_PLAYOUT_DEVICE = 13;
    private static final int SET_RECORDING_DEVICE = 15;
    private static final int PLAYOUT_IS_INITIALIZED = 19;
    private static final int RECORDING_IS_INITIALIZED = 22;
    private static final int PLAYING = 25;
    private static final int RECORDING = 28;

    private final AudioDeviceModuleBase module;
    private final Pointer self;
    private final Pointer vtable;

    AudioModuleControl(AudioDeviceModuleBase module) {
        this.module = module;
        Pointer pointer = LINUX && NativeLibrary.VTABLE_CHECKED_VERSIONS.contains(NativeLibrary.webrtcJavaVersion())
                ? nativePointer(module) : null;
        if (pointer != null && !layoutMatches(module, pointer)) {
            log.warn("this webrtc-java build's audio device module does not look as expected; choosing microphones"
                    + " and speakers is off");
            pointer = null;
        }
        this.self = pointer;
        this.vtable = pointer == null ? null : pointer.getPointer(0);
    }

    /**
     * Records from {@code device}, or from the system default when it is null; restarts
     * recording when it was running.
     *
     * @throws MediaException if the module has no such device or refuses it
     */
    void useMicrophone(AudioDevice device) {
        if (!LINUX) {
            useThroughWebrtcJava(device, true);
            return;
        }
        int index = indexOf(device, true);
        boolean initialized = callBool(RECORDING_IS_INITIALIZED);
        boolean recording = callBool(RECORDING);
        if (initialized) {
            module.stopRecording();
        }
        int result = call(SET_RECORDING_DEVICE, (short) index);
        if (initialized) {
            module.initRecording();
            if (recording) {
                module.startRecording();
            }
        }
        if (result != 0) {
            throw new MediaException("microphone '" + nameOf(device) + "' could not be chosen");
        }
    }

    /** Plays on {@code device}, or on the system default when it is null; restarts playout when it was running. */
    void useSpeaker(AudioDevice device) {
        if (!LINUX) {
            useThroughWebrtcJava(device, false);
            return;
        }
        int index = indexOf(device, false);
        boolean initialized = callBool(PLAYOUT_IS_INITIALIZED);
        boolean playing = callBool(PLAYING);
        if (initialized) {
            module.stopPlayout();
        }
        int result = call(SET_PLAYOUT_DEVICE, (short) index);
        if (initialized) {
            module.initPlayout();
            if (playing) {
                module.startPlayout();
            }
        }
        if (result != 0) {
            throw new MediaException("speaker '" + nameOf(device) + "' could not be chosen");
        }
    }

    /** The module's index of {@code device}: 0 (the system default) for null, else the first entry of that name. */
    private int indexOf(AudioDevice device, boolean microphone) {
        if (self == null) {
            throw new MediaException("choosing a " + (microphone ? "microphone" : "speaker")
                    + " is not possible with this webrtc-java build");
        }
        if (device == null) {
            return 0;
        }
        List<String> names = names(microphone);
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i).equals(device.name())) {
                return i;
            }
        }
        throw new MediaException((microphone ? "microphone" : "speaker") + " '" + device.name() + "' (" + device.id()
                + ") is not connected");
    }

    private List<String> names(boolean microphone) {
        int count = (short) call(microphone ? RECORDING_DEVICES : PLAYOUT_DEVICES);
        List<String> names = new ArrayList<>(Math.max(count, 0));
        try (Memory name = new Memory(NAME_SIZE); Memory guid = new Memory(NAME_SIZE)) {
            for (int i = 0; i < count; i++) {
                name.clear();
                guid.clear();
                int result = call(microphone ? RECORDING_DEVICE_NAME : PLAYOUT_DEVICE_NAME, (short) i, name, guid);
                names.add(result == 0 ? name.getString(0) : "");
            }
        }
        return names;
    }

    private void useThroughWebrtcJava(AudioDevice device, boolean microphone) {
        List<dev.onvoid.webrtc.media.audio.AudioDevice> devices = microphone ? module.getRecordingDevices()
                : module.getPlayoutDevices();
        dev.onvoid.webrtc.media.audio.AudioDevice chosen = devices.isEmpty() ? null : devices.get(0);
        if (device != null) {
            chosen = devices.stream().filter(d -> device.id().equals(d.getDescriptor())).findFirst()
                    .orElseThrow(() -> new MediaException((microphone ? "microphone" : "speaker") + " '"
                            + device.name() + "' (" + device.id() + ") is not connected"));
        }
        if (chosen == null) {
            throw new MediaException("this machine has no " + (microphone ? "microphone" : "speaker"));
        }
        if (microphone) {
            module.stopRecording();
            module.setRecordingDevice(chosen);
            module.initRecording();
            module.startRecording();
        } else {
            module.stopPlayout();
            module.setPlayoutDevice(chosen);
            module.initPlayout();
            module.startPlayout();
        }
    }

    private boolean layoutMatches(AudioDeviceModuleBase module, Pointer pointer) {
        try {
            Pointer table = pointer.getPointer(0);
            List<dev.onvoid.webrtc.media.audio.AudioDevice> recording = module.getRecordingDevices();
            List<dev.onvoid.webrtc.media.audio.AudioDevice> playout = module.getPlayoutDevices();
            if ((short) invoke(table, pointer, RECORDING_DEVICES) != recording.size()
                    || (short) invoke(table, pointer, PLAYOUT_DEVICES) != playout.size()) {
                return false;
            }
            try (Memory name = new Memory(NAME_SIZE); Memory guid = new Memory(NAME_SIZE)) {
                for (int i = 0; i < recording.size(); i++) {
                    name.clear();
                    invoke(table, pointer, RECORDING_DEVICE_NAME, (short) i, name, guid);
                    if (!name.getString(0).equals(recording.get(i).getName())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (RuntimeException | LinkageError e) {
            log.debug("audio device module layout check failed", e);
            return false;
        }
    }

    private int call(int slot, Object... args) {
        return invoke(vtable, self, slot, args);
    }

    private boolean callBool(int slot) {
        return (call(slot) & 0xff) != 0;
    }

    private static int invoke(Pointer table, Pointer self, int slot, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = self;
        System.arraycopy(args, 0, all, 1, args.length);
        return Function.getFunction(table.getPointer((long) slot * Native.POINTER_SIZE)).invokeInt(all);
    }

    private static String nameOf(AudioDevice device) {
        return device == null ? "the system default" : device.name();
    }

    private static Pointer nativePointer(AudioDeviceModuleBase module) {
        try {
            Field handle = Class.forName("dev.onvoid.webrtc.internal.NativeObject").getDeclaredField("nativeHandle");
            handle.setAccessible(true);
            long address = handle.getLong(module);
            return address == 0 ? null : new Pointer(address);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("cannot reach the audio device module ({}); choosing microphones and speakers is off", e.toString());
            return null;
        }
    }
}

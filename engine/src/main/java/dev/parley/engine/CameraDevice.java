package dev.parley.engine;

/**
 * A camera the machine has, as {@link CameraCapture#devices()} lists it.
 *
 * <p>Threading: immutable.
 *
 * @param name the name people see, e.g. "Integrated Camera"
 * @param id the system's identifier of the device (a path or a unique id)
 */
public record CameraDevice(String name, String id) {

    @Override
    public String toString() {
        return name;
    }
}

package dev.parley.components;

/**
 * How a {@link RemoteVideoView} fits video into its bounds, as UIKit's scale-aspect modes the
 * QuickBlox sample uses.
 *
 * <p>Threading: immutable.
 */
public enum ContentMode {
    /** The whole picture is visible; bars fill the rest (letterbox). */
    ASPECT_FIT,
    /** The view is filled; the picture is cropped where the aspect ratios differ. */
    ASPECT_FILL
}

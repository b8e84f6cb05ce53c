package dev.parley.components;

import java.awt.Dimension;

/**
 * Whether received video looks like a shared screen rather than a camera. QuickBlox's protocol
 * carries no mark for a share (its clients, like Parley, put the screen on the camera's
 * track), so the size tells: cameras deliver 4:3 or 16:9 (either way up) at up to 1280x720; a
 * screen is larger, a window any shape. A window shared at exactly a camera's shape and size
 * passes for a camera.
 *
 * <p>Threading: stateless.
 */
final class ScreenShareGuess {

    private static final double[] CAMERA_SHAPES = {4.0 / 3, 16.0 / 9, 3.0 / 4, 9.0 / 16};
    private static final double SHAPE_TOLERANCE = 0.02;

    private ScreenShareGuess() {
    }

    static boolean looksLikeScreen(Dimension size) {
        if (size == null || size.width <= 0 || size.height <= 0) {
            return false;
        }
        if (Math.max(size.width, size.height) > 1280 || Math.min(size.width, size.height) > 720) {
            return true;
        }
        double shape = (double) size.width / size.height;
        for (double camera : CAMERA_SHAPES) {
            if (Math.abs(shape / camera - 1) <= SHAPE_TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}

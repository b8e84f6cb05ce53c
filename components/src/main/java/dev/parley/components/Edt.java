package dev.parley.components;

import java.awt.EventQueue;

/**
 * Moves engine events onto the EDT for the widgets: listener callbacks arrive on whatever
 * executor the application configured (the EDT by default, but not necessarily), and Swing
 * state may only be touched on the EDT.
 *
 * <p>Threading: any thread.
 */
final class Edt {

    private Edt() {
    }

    /** Runs {@code task} now when on the EDT, else as soon as the EDT gets to it. */
    static void run(Runnable task) {
        if (EventQueue.isDispatchThread()) {
            task.run();
        } else {
            EventQueue.invokeLater(task);
        }
    }
}

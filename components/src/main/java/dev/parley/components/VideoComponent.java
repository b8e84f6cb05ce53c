package dev.parley.components;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;

/**
 * What the video widgets share as components: an accessible context (a plain JComponent has
 * none), with the role of a canvas.
 *
 * <p>Threading: EDT only.
 */
abstract class VideoComponent extends JComponent {

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }
}

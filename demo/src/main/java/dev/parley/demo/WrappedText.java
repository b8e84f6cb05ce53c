package dev.parley.demo;

import com.formdev.flatlaf.util.UIScale;
import java.awt.Dimension;
import java.awt.Insets;
import javax.swing.JLabel;
import javax.swing.plaf.basic.BasicHTML;
import javax.swing.text.View;

/**
 * A label whose HTML text wraps at a given width and asks for the height of the wrapped lines.
 * A plain {@code JLabel} asks for the height of one line however narrow the layout makes it, so
 * a window packed around it cut off what came below (the launcher's last button).
 *
 * <p>Threading: EDT.
 */
final class WrappedText extends JLabel {

    private final int width;

    /** {@code html} wrapped at {@code width} pixels at 100 % (scaled with the UI). */
    WrappedText(String html, int width) {
        super(html);
        this.width = width;
    }

    @Override
    public Dimension getPreferredSize() {
        View view = (View) getClientProperty(BasicHTML.propertyKey);
        if (view == null || isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        Insets insets = getInsets();
        int wrapAt = UIScale.scale(width);
        view.setSize(wrapAt, 0);
        int height = (int) Math.ceil(view.getPreferredSpan(View.Y_AXIS));
        return new Dimension(wrapAt + insets.left + insets.right, height + insets.top + insets.bottom);
    }

    @Override
    public Dimension getMinimumSize() {
        return getPreferredSize();
    }
}

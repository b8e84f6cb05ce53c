package dev.parley.components.theme;

import com.formdev.flatlaf.FlatDefaultsAddon;

/**
 * Adds Parley's theme keys to FlatLaf: {@code FlatLaf.properties} holds what all themes share
 * (sizes), {@code FlatLightLaf.properties} and {@code FlatDarkLaf.properties} the colours.
 * FlatLaf finds this add-on through {@code META-INF/services} when a FlatLaf look and feel is
 * installed; nothing needs to call it. Every key is listed in the javadoc of the widget that
 * uses it ({@code @uiDefault}).
 *
 * <p>Threading: called by FlatLaf while it installs a look and feel, on the EDT.
 */
public final class ParleyDefaultsAddon extends FlatDefaultsAddon {
}

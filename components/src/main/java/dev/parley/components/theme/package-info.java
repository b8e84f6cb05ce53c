/**
 * Not API, but found by FlatLaf: the defaults add-on that defines Parley's theme keys for FlatLaf
 * Light and Dark (loaded through {@code META-INF/services}).
 */
package dev.parley.components.theme;

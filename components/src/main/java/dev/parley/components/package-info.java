/**
 * API. Swing widgets for Parley calls, one public class each: video views, the local preview,
 * the control bar, the incoming-call dialog and the call view. They see only the engine's API,
 * are themed through FlatLaf theme keys and laid out with MigLayout. Package-private classes
 * are not API.
 *
 * <p>Theme keys for the applications around the widgets:
 * <ul>
 * <li>{@code @uiDefault Parley.missedCall.foreground Color} text that asks for attention in an
 *     application's lists, such as a missed call in a call history (at least 4.5:1 against
 *     {@code List.background} in light and dark)
 * </ul>
 */
package dev.parley.components;

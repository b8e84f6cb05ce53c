/**
 * API. Swing widgets for Parley calls, one public class each: video views, the local preview,
 * the control bar, the incoming-call dialog and the call view. They see only the engine's API,
 * are themed through FlatLaf theme keys and laid out with MigLayout. Package-private classes
 * are not API.
 */
package dev.parley.components;

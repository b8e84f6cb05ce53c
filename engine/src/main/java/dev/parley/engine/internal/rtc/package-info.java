/**
 * Not API: may change in any release. Everything that touches webrtc-java: the engine thread
 * and peer connection factory ({@code RtcEngine}), peer connections ({@code RtcConnection}),
 * local media and the native halves of the captures, native tracks and frames, stats mapping,
 * the audio environment, the native library and its log, and the count of open native objects.
 * Every native object here has one owner that closes it.
 */
package dev.parley.engine.internal.rtc;

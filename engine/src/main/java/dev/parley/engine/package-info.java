/**
 * API. Parley's engine: one user's calls ({@link dev.parley.engine.CallClient}), each a
 * {@link dev.parley.engine.CallSession} of peer-to-peer audio and video over WebRTC, 1:1 or a
 * mesh of up to four, with the events of a {@link dev.parley.engine.CallListener}, the settings
 * of a {@link dev.parley.engine.CallConfig}, local media and captures, remote tracks and stats.
 * The names mirror QuickBlox's "Video Calling" API one to one.
 *
 * <p>The classes here are fronts: the call logic lives in {@code internal.call}, everything
 * that touches webrtc-java in {@code internal.rtc}; neither is API.
 */
package dev.parley.engine;

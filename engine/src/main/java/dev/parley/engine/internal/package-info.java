/**
 * Not API: may change in any release. Small helpers the engine's packages share (SDP text,
 * XML names, throttled logging).
 */
package dev.parley.engine.internal;

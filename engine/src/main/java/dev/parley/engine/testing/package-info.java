/**
 * API (published test fixtures). What tests of code built on Parley need:
 * {@link dev.parley.engine.testing.CallHarness} (real clients and calls),
 * {@link dev.parley.engine.testing.EventLog} (every listener event as text),
 * {@link dev.parley.engine.testing.ManualClock} (timers without waiting),
 * {@link dev.parley.engine.testing.TestPatterns} and {@link dev.parley.engine.testing.TestFrames}
 * (what the test pattern looks like, and native frames of it), and
 * {@link dev.parley.engine.testing.Waits}.
 */
package dev.parley.engine.testing;

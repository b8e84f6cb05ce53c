/**
 * The demo application, not a library: its classes show how an application puts Parley's
 * engine and widgets together, and are not API.
 */
package dev.parley.demo;

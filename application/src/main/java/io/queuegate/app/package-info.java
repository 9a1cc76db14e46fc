/**
 * The runnable service: reads configuration, picks the store, wires every part with plain
 * constructors and starts the server. "Application" here means this runnable, not a layer; the
 * use-case services live in the domain.
 */
package io.queuegate.app;

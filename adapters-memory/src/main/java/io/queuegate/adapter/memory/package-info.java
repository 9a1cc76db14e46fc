/**
 * The in-memory store: every out-port of the domain kept in this process, for a single instance and
 * for fast tests. Each event's data sits behind one lock, so every operation is as atomic as one
 * Lua script on one Redis slot. There is no background thread: expired entries are dropped on the
 * write paths, a few at a time.
 */
package io.queuegate.adapter.memory;

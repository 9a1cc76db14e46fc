/**
 * The Redis store: every store out-port implemented with lettuce and Lua scripts (resources beside
 * this package), for Redis 7 standalone or Redis Cluster. Each state change is one script on one
 * slot; every key of an event carries the hash tag {@code {event_id}}.
 */
package io.queuegate.adapter.redis;

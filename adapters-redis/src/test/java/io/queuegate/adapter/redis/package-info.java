/**
 * Tests of the Redis store against real redis-server processes (standalone and a six-node cluster)
 * started by {@link io.queuegate.adapter.redis.RedisExtension}; shipped in this module's test-jar.
 */
package io.queuegate.adapter.redis;

/**
 * What the domain needs from the outside: stores, token signing and checking, metrics. Each store
 * operation is one atomic step, so a Redis adapter implements it as one Lua script on one slot.
 */
package io.queuegate.domain.port.out;

/**
 * The gate: rooms that put a site's own paths behind the queue, the check a reverse proxy asks on
 * every request, signed sessions that need no store read, their renewal, completion and revocation
 * (docs/design.md#gate).
 */
package io.queuegate.domain.service.gate;

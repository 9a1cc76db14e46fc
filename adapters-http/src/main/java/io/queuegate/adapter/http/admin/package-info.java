/**
 * The operator API under {@code /api/v1/admin/events}: set, read and delete an event's policy,
 * pause and resume it, behind the operator's bearer token (see docs/design.md#operator-api).
 */
package io.queuegate.adapter.http.admin;

/**
 * The gate's HTTP side (docs/design.md#gate): the check each reverse proxy asks on every request,
 * answered the way that proxy understands; the waiting page under the protected host and the step
 * that turns a ready waiter into a session cookie; and the backend's completion call.
 */
package io.queuegate.adapter.http.gate;

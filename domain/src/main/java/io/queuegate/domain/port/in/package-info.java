/** The use cases the waiting room offers, one method each, called by the HTTP adapter. */
package io.queuegate.domain.port.in;

/**
 * The waiting room's core: model, ports and use-case services, with no dependency beyond the JDK.
 */
package io.queuegate.domain;

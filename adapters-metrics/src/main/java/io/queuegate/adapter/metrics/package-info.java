/**
 * The metrics adapter: Micrometer meters on one Prometheus registry. It records the domain's
 * business metrics (the QueueMetrics port) and the HTTP adapter's request timer and open-stream
 * gauge, and renders them all as the Prometheus text that {@code /metrics} serves. Micrometer is
 * used nowhere else; the application connects the HTTP adapter to it.
 */
package io.queuegate.adapter.metrics;

package io.queuegate.adapter.http.routing;

/** A body that only states an outcome, such as {@code {"status": "left"}}. */
public record StateResponse(String status) {}

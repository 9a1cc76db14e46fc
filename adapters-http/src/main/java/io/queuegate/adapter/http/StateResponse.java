package io.queuegate.adapter.http;

/** A body that only states an outcome, such as {@code {"status": "left"}}. */
record StateResponse(String status) {}

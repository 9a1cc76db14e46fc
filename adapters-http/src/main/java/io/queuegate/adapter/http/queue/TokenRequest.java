package io.queuegate.adapter.http.queue;

/** Body of enter and of {@code POST /leave}: {@code {"waiting_token": "..."}}. */
record TokenRequest(String waitingToken) {}

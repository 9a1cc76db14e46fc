package io.queuegate.adapter.http;

/** Body of enter and of {@code POST /leave}: {@code {"waiting_token": "..."}}. */
record TokenRequest(String waitingToken) {}

package io.queuegate.adapter.http.gate;

/** Body of {@code POST /gate/enter}: {@code {"waiting_token": "...", "return_url": "..."}}. */
record EnterRequest(String waitingToken, String returnUrl) {}

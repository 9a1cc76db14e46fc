package io.queuegate.adapter.http.gate;

/** Answer of {@code POST /gate/enter}: where the page sends the admitted visitor. */
record EnterResponse(String redirect) {}

package io.queuegate.adapter.http.queue;

/** Where a status stream writes its events: the SSE sink, or a list in tests. */
@FunctionalInterface
interface StreamEmitter {
  /**
   * Sends one event.
   *
   * @throws java.io.UncheckedIOException when the client has gone
   */
  void emit(String name, String json);
}

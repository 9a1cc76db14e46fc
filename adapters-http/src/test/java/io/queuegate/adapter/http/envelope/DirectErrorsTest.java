package io.queuegate.adapter.http.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.DirectHandler.TransportRequest;
import io.helidon.webserver.http.DirectTransportRequest;
import org.junit.jupiter.api.Test;

class DirectErrorsTest {
  private static final TransportRequest PARSED =
      DirectTransportRequest.create("HTTP/1.1", "POST", "/api/v1/queue/join");

  @Test
  void http10_is505InTheEnvelope() {
    ErrorReply reply =
        DirectErrors.reply(
            DirectTransportRequest.create("HTTP/1.0", "GET", "/healthz"),
            EventType.HTTP_VERSION_NOT_SUPPORTED,
            505);

    assertThat(reply.status()).isEqualTo(505);
    assertThat(reply.code()).isEqualTo("HTTP_VERSION_NOT_SUPPORTED");
  }

  @Test
  void otherVersionHelidonFilesAsAMalformedRequestLine_is505() {
    // Helidon reports the protocol of such a line as the whole line followed by a slash.
    TransportRequest http2 =
        DirectTransportRequest.create("POST /api/v1/queue/join HTTP/2.0/", "POST", "/x");

    ErrorReply reply = DirectErrors.reply(http2, EventType.BAD_REQUEST, 400);

    assertThat(reply.status()).isEqualTo(505);
    assertThat(reply.code()).isEqualTo("HTTP_VERSION_NOT_SUPPORTED");
  }

  @Test
  void requestLineWithoutAVersion_staysA400() {
    TransportRequest garbage = DirectTransportRequest.create("POST /x FOO/", "POST", "/x");

    assertThat(DirectErrors.reply(garbage, EventType.BAD_REQUEST, 400).status()).isEqualTo(400);
    assertThat(
            DirectErrors.reply(
                    DirectTransportRequest.create("HTTP/1.1", "GET", "/a b"),
                    EventType.BAD_REQUEST,
                    400)
                .status())
        .isEqualTo(400);
  }

  @Test
  void transferCodingHelidonDoesNotImplement_isTheClients400() {
    ErrorReply reply = DirectErrors.reply(PARSED, EventType.BAD_REQUEST, 501);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void requestLineHelidonCouldNotParse_isA400NotAnInternalError() {
    ErrorReply reply = DirectErrors.reply(TransportRequest.empty(), EventType.INTERNAL_ERROR, 500);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void internalErrorOfAParsedRequest_staysA500() {
    ErrorReply reply = DirectErrors.reply(PARSED, EventType.INTERNAL_ERROR, 500);

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.code()).isEqualTo("INTERNAL_ERROR");
  }

  @Test
  void statusesHelidonChoseForTheClient_areKept() {
    assertThat(DirectErrors.reply(PARSED, EventType.BAD_REQUEST, 414).status()).isEqualTo(414);
    assertThat(DirectErrors.reply(PARSED, EventType.PAYLOAD_TOO_LARGE, 413).code())
        .isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(DirectErrors.reply(PARSED, EventType.OTHER, 503).code())
        .isEqualTo("SERVICE_UNAVAILABLE");
  }
}

package io.queuegate.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Checks a response against src/main/resources/openapi.yaml, the HTTP contract. */
final class OpenApiContract {
  private static final String SPEC = load();
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).build();
  private static final OpenAPI API = parse();
  private static final SchemaValidator SCHEMAS = new SchemaValidator(API, new MessageResolver());
  private static final Set<String> NO_OPERATION =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private OpenApiContract() {}

  /** Fails unless {@code exchange} is a response the contract allows for this request. */
  static void assertConforms(String method, String path, Exchange exchange) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
    exchange.headers().forEach((name, values) -> response.withHeader(name, values));
    if (!exchange.body().isEmpty()) {
      response.withBody(exchange.body());
    }
    ValidationReport report =
        VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
    boolean noOperation =
        !report.getMessages().isEmpty()
            && report.getMessages().stream().allMatch(m -> NO_OPERATION.contains(m.getKey()));
    if (noOperation) {
      // Unknown paths and methods have no operation to check against: their answer must be the
      // envelope with 404 or 405, as the document's description says.
      assertThat(exchange.status()).as("status of %s %s", method, path).isIn(404, 405);
      report = SCHEMAS.validate(exchange.body(), envelopeSchema(), "response.body");
    }
    assertThat(report.getMessages())
        .as("%s %s -> %d %s", method, path, exchange.status(), exchange.body())
        .isEmpty();
  }

  static String document() {
    return SPEC;
  }

  @SuppressWarnings("rawtypes")
  private static Schema envelopeSchema() {
    return API.getComponents().getSchemas().get("ErrorEnvelope");
  }

  private static OpenAPI parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(SPEC, List.of(), options).getOpenAPI();
    assertThat(api).as("openapi.yaml parses").isNotNull();
    return api;
  }

  private static String load() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dk.mico.rightsdesk.web.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON body with fields the API does not define (such as {@code postalAddress} on the public intake),
 * naming every one of them, instead of dropping them without a word: a caller must not believe that something it
 * sent was kept. Only the app's own API: Camunda's engine API has its own mapper.
 */
@ControllerAdvice(basePackageClasses = UnknownJsonFields.class)
class UnknownJsonFields extends RequestBodyAdviceAdapter implements WebMvcConfigurer {

  private static final String FOUND = UnknownJsonFields.class.getName() + ".found";

  /** The body reader notes each unknown field (with its path) for this request and reads on. */
  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (HttpMessageConverter<?> converter : converters) {
      if (converter instanceof MappingJackson2HttpMessageConverter json) {
        json.setObjectMapper(json.getObjectMapper().copy().addHandler(new Recorder()));
      }
    }
  }

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    RequestContextHolder.currentRequestAttributes().setAttribute(FOUND, new ArrayList<String>(),
        RequestAttributes.SCOPE_REQUEST);
    return input;
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    List<String> unknown = found();
    RequestContextHolder.currentRequestAttributes().removeAttribute(FOUND, RequestAttributes.SCOPE_REQUEST);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown.stream()
          .map(field -> new FieldError(field, "is not a field of this request (see /v3/api-docs)"))
          .toList());
    }
    return body;
  }

  @SuppressWarnings("unchecked")
  private static List<String> found() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request == null ? null : (List<String>) request.getAttribute(FOUND, RequestAttributes.SCOPE_REQUEST);
  }

  /** Notes an unknown field while a request body is read; anywhere else Jackson's own setting applies. */
  private static final class Recorder extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
      List<String> unknown = found();
      if (unknown == null) {
        return false;
      }
      unknown.add(path(parser, propertyName));
      parser.skipChildren();
      return true;
    }

    /** The field's dotted path from the body's root, as the other field errors name nested fields. */
    private static String path(JsonParser parser, String propertyName) {
      JsonStreamContext holder = parser.getParsingContext();
      if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
        holder = holder.getParent(); // the value's own context is open already
      }
      Deque<String> names = new ArrayDeque<>(List.of(propertyName));
      for (JsonStreamContext outer = holder.getParent(); outer != null && !outer.inRoot(); outer = outer.getParent()) {
        names.push(outer.inArray() ? String.valueOf(outer.getCurrentIndex()) : outer.getCurrentName());
      }
      return String.join(".", names);
    }
  }
}

package io.taskservice.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies keep numbers as written: a fraction in a free-form value ({@code extra}) is read as a
 * {@code BigDecimal} with its scale, not a {@code double}, so {@code 1.50} is stored and answered as {@code 1.50}
 * (Task Master files carry such values, and export must give them back). Typed fields are unaffected.
 */
@Singleton
public class ExactNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }
}

package io.taskservice.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code jsonb} object column as a {@code Map}, every number exactly as stored: fractions as {@code BigDecimal}
 * with their scale ({@code 1.50} stays {@code 1.50}), integers of any size as integers.
 *
 * <p>Why not Hibernate's own JSON mapping ({@code @JdbcTypeCode(SqlTypes.JSON)}): Hibernate Reactive binds and reads
 * JSON through Vert.x's {@code JsonObject}, which parses every fraction as a {@code double}, so an entity write turned
 * an imported {@code 1.50} into {@code 1.5}. Attributes using this converter travel as text instead: mapped with
 * {@code @ColumnTransformer(read = "cast(column as text)", write = "cast(cast(? as text) as jsonb)")}: the inner
 * cast makes PostgreSQL type the parameter as text (bound as {@code jsonb}, the driver would send a Java string as a
 * JSON string).
 */
@Converter
public class ExactJsonConverter implements AttributeConverter<Map<String, Object>, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, Object> value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a jsonb object column holds something else", e); // PostgreSQL checks it
        }
    }
}

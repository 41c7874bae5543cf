package io.openwaas.platform.json;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.List;

/** The JSON spelling of enum constants: their {@code @JsonProperty} value, else their name. */
public final class JsonNames {

    private JsonNames() {
    }

    public static String of(Enum<?> constant) {
        try {
            JsonProperty p = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return p == null || p.value().isEmpty() ? constant.name() : p.value();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    /** The spellings of every constant of an enum, in declaration order. */
    public static List<String> all(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> of((Enum<?>) c)).toList();
    }
}

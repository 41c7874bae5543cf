package io.openwaas.platform.api;

import java.util.List;
import java.util.function.Function;

/** The list envelope {@code {data, pagination}} (reference §2.3). */
public record Page<T>(List<T> data, Pagination pagination) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(data.stream().<R>map(mapper).toList(), pagination);
    }
}

package io.openwaas.platform.api;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Cursor pagination over a Panache repository whose entities carry a monotonically increasing {@code seq} column:
 * the list's stable order. One count for {@code total_count}, one page query, one existence check for the other
 * direction — run one after the other (a reactive session is not concurrent).
 */
public final class CursorPaging {

    private CursorPaging() {
    }

    /**
     * Ascending by {@code seq}.
     *
     * @param where    HQL condition over the entity, without ordering (e.g. {@code "orgId = :orgId"})
     * @param params   its named parameters
     * @param position the entity's {@code seq}
     */
    public static <E> Uni<Page<E>> page(PanacheRepositoryBase<E, ?> repository, String where, Map<String, Object> params,
                                        PageRequest request, ToLongFunction<E> position) {
        return page(repository, where, params, request, position, false);
    }

    /**
     * @param descending list newest first ({@code direction=DESC}): {@code after} then moves towards smaller
     *                   positions, {@code before} towards greater ones
     */
    public static <E> Uni<Page<E>> page(PanacheRepositoryBase<E, ?> repository, String where, Map<String, Object> params,
                                        PageRequest request, ToLongFunction<E> position, boolean descending) {
        String forward = descending ? "<" : ">";
        String backward = descending ? ">" : "<";
        String forwardOrder = descending ? "desc" : "asc";
        String backwardOrder = descending ? "asc" : "desc";
        Parameters base = toParameters(params);
        return repository.count(where, base).chain(total -> {
            Parameters p = toParameters(params);
            String query;
            if (request.backwards()) {
                query = where + " and seq " + backward + " :cursor order by seq " + backwardOrder;
                p.and("cursor", request.before());
            } else if (request.after() != null) {
                query = where + " and seq " + forward + " :cursor order by seq " + forwardOrder;
                p.and("cursor", request.after());
            } else {
                query = where + " order by seq " + forwardOrder;
            }
            return repository.find(query, p).page(0, request.limit() + 1).list().chain(rows -> {
                boolean moreInDirection = rows.size() > request.limit();
                List<E> items = new ArrayList<>(rows.subList(0, Math.min(rows.size(), request.limit())));
                if (request.backwards()) {
                    Collections.reverse(items);
                }
                if (items.isEmpty()) {
                    return Uni.createFrom().item(new Page<>(items, new Pagination("", "", total.intValue())));
                }
                long first = position.applyAsLong(items.get(0));
                long last = position.applyAsLong(items.get(items.size() - 1));
                // The direction we paged in is known from the extra row; the other needs one look.
                String otherCondition = request.backwards() ? " and seq " + forward + " :edge"
                        : " and seq " + backward + " :edge";
                long edge = request.backwards() ? last : first;
                Uni<Boolean> otherSide = (request.backwards() || request.after() != null)
                        ? repository.count(where + otherCondition, toParameters(params).and("edge", edge)).map(n -> n > 0)
                        : Uni.createFrom().item(false);
                return otherSide.map(other -> {
                    boolean hasBefore = request.backwards() ? moreInDirection : other;
                    boolean hasAfter = request.backwards() ? other : moreInDirection;
                    return new Page<>(items, new Pagination(
                            hasBefore ? PageRequest.cursor(first) : "",
                            hasAfter ? PageRequest.cursor(last) : "",
                            total.intValue()));
                });
            });
        });
    }

    private static Parameters toParameters(Map<String, Object> params) {
        Parameters p = new Parameters();
        params.forEach(p::and);
        return p;
    }
}

package io.powernode.devops.api;

import io.powernode.devops.kernel.common.PageInfo;
import io.powernode.devops.kernel.common.PageRequest;
import org.springframework.util.MultiValueMap;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code page} / {@code per_page} query parameters, and the pagination block of list responses. */
public final class Paging {

    private Paging() {
    }

    public static PageRequest from(MultiValueMap<String, String> query) {
        int page = number(query, "page", 1, Integer.MAX_VALUE / PageRequest.MAX_PER_PAGE, 1);
        int perPage = number(query, "per_page", 1, PageRequest.MAX_PER_PAGE, PageRequest.DEFAULT_PER_PAGE);
        return new PageRequest(page, perPage);
    }

    public static Map<String, Object> body(String itemsName, List<?> items, PageInfo page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(itemsName, items);
        body.put("pagination", Map.of("page", page.page(), "per_page", page.perPage(),
                "total_count", page.totalCount(), "total_pages", page.totalPages()));
        return body;
    }

    private static int number(MultiValueMap<String, String> query, String name, int min, int max, int fallback) {
        String value = query.getFirst(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // answered below, like a number out of range
        }
        throw ApiProblem.invalid(name, "must be a whole number from " + min + " to " + max);
    }

    /** An optional filter naming one constant of {@code type}. */
    public static <E extends Enum<E>> E enumFilter(MultiValueMap<String, String> query, String name, Class<E> type) {
        String value = oneOf(query, name, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** An optional filter restricted to known values. */
    public static String oneOf(MultiValueMap<String, String> query, String name, List<String> allowed) {
        String value = query.getFirst(name);
        if (value != null && !allowed.contains(value)) {
            throw ApiProblem.invalid(name, "must be one of " + allowed);
        }
        return value;
    }

    /** A {@code true}/{@code false} query parameter such as {@code ?force=true}; absent is false. */
    public static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiProblem.invalid(name, "must be true or false");
    }
}

package io.powernode.devops.kernel.common;

/** One page of a list query; pages are numbered from 1. */
public record PageRequest(int page, int perPage) {
    public static final int DEFAULT_PER_PAGE = 25;
    public static final int MAX_PER_PAGE = 100;

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be between 1 and " + MAX_PER_PAGE);
        }
    }

    public int offset() {
        return (page - 1) * perPage;
    }
}

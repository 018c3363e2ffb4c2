package io.powernode.devops.kernel.common;

/** Where a page sits in the whole result. */
public record PageInfo(int page, int perPage, long totalCount) {
    public long totalPages() {
        return (totalCount + perPage - 1) / perPage;
    }

    public static PageInfo of(PageRequest request, long totalCount) {
        return new PageInfo(request.page(), request.perPage(), totalCount);
    }
}

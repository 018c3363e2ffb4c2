package io.powernode.devops.query.mongo;

/** Field names that every read model shares. */
public final class CommonFields {
    public static final String ID = "_id";
    public static final String ACCOUNT_ID = "account_id";
    public static final String HOST_ID = "host_id";
    public static final String CLUSTER_ID = "cluster_id";

    private CommonFields() {
    }
}

package io.powernode.devops.query.mongo;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter of a list query: always the caller's account, plus the optional equality filters the query
 * names. A null filter value means "match everything", as the kernel's queries define it.
 */
public final class AccountScope {
    private final List<Bson> criteria = new ArrayList<>();

    private AccountScope(String accountId) {
        criteria.add(Filters.eq(CommonFields.ACCOUNT_ID, accountId));
    }

    public static AccountScope of(String accountId) {
        return new AccountScope(accountId);
    }

    public AccountScope whereEquals(String field, Object valueOrNull) {
        if (valueOrNull != null) {
            criteria.add(Filters.eq(field, valueOrNull instanceof Enum<?> value ? value.name() : valueOrNull));
        }
        return this;
    }

    public AccountScope where(Bson criterion) {
        criteria.add(criterion);
        return this;
    }

    public Bson toFilter() {
        return Filters.and(criteria);
    }
}

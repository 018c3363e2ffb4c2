package io.powernode.devops.app.security;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: the token's subject acts within the token's account. */
public record ApiCaller(String actorId, String accountId) {

    public static final String ACCOUNT_CLAIM = "account";
    public static final String PERMISSIONS_CLAIM = "permissions";

    public static ApiCaller of(Jwt jwt) {
        return new ApiCaller(jwt.getSubject(), jwt.getClaimAsString(ACCOUNT_CLAIM));
    }
}

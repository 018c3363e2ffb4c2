package io.powernode.devops.app.security;

import io.powernode.devops.api.ProblemWriter;
import io.powernode.devops.app.storage.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import javax.crypto.spec.SecretKeySpec;
import java.util.Collection;
import java.util.Objects;

/**
 * Every API call needs a bearer JWT (HS256) with sub, account, permissions and exp. Permissions map
 * one-to-one onto authorities; reads need the read or the manage permission, writes the manage one
 * ({@code docker.hosts.*} under /docker, {@code swarm.clusters.*} under /swarm, where the join-token and
 * unlock-key reads need manage too).
 * Refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String DOCKER_API = "/api/v1/devops/docker/**";
    private static final String SWARM_API = "/api/v1/devops/swarm/**";
    /** Reads that hand out what lets a machine into a swarm: manage only. */
    private static final String[] SWARM_KEYS = {
            "/api/v1/devops/swarm/clusters/*/join_tokens", "/api/v1/devops/swarm/clusters/*/unlock_key"};

    @Bean
    ReactiveJwtDecoder jwtDecoder(@Value("${powernode.jwt.secret:}") String secret, DataDirectory dataDirectory) {
        byte[] key = JwtSecret.resolve(secret, dataDirectory.root());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                new JwtClaimValidator<>("exp", Objects::nonNull),
                new JwtClaimValidator<String>("sub", s -> s != null && !s.isBlank()),
                new JwtClaimValidator<String>(ApiCaller.ACCOUNT_CLAIM, a -> a != null && !a.isBlank()),
                new JwtClaimValidator<Object>(ApiCaller.PERMISSIONS_CLAIM, p -> p instanceof Collection<?>)));
        return decoder;
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, ProblemWriter problems) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ApiCaller.PERMISSIONS_CLAIM);
        authorities.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "a valid bearer token is required: " + e.getMessage());
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "Forbidden", "the token lacks the permission this call needs");

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**").permitAll()
                        .pathMatchers(HttpMethod.GET, DOCKER_API)
                        .hasAnyAuthority(Permissions.DOCKER_HOSTS_READ, Permissions.DOCKER_HOSTS_MANAGE)
                        .pathMatchers(DOCKER_API).hasAuthority(Permissions.DOCKER_HOSTS_MANAGE)
                        .pathMatchers(SWARM_KEYS).hasAuthority(Permissions.SWARM_CLUSTERS_MANAGE)
                        .pathMatchers(HttpMethod.GET, SWARM_API)
                        .hasAnyAuthority(Permissions.SWARM_CLUSTERS_READ, Permissions.SWARM_CLUSTERS_MANAGE)
                        .pathMatchers(SWARM_API).hasAuthority(Permissions.SWARM_CLUSTERS_MANAGE)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }
}

package io.productsync.report.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Everything needs a caller except the health probe, the sign-in page and the pages' static
 * files. The API takes an API key ({@code Authorization: Bearer psk_...}), a JWT of the OpenID Connect issuer when one
 * is set ({@code Authorization: Bearer eyJ...}) or the local account over HTTP Basic, and needs no CSRF token (its
 * callers are scripts, not pages); a caller without any gets a 401. The pages sign in through the form (a browser is
 * sent there) or, when an issuer is set, through the issuer, and keep a session; their forms carry the CSRF token.
 * Which tenant a caller may see is checked per handler ({@link TenantAccess}).
 */
@Configuration
class WebSecurity implements WebMvcConfigurer {

    private static final RequestMatcher API =
            PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http, LocalAccountAuthentication localAccounts, ApiKeys apiKeys, SecuritySettings settings)
            throws Exception {
        SecuritySettings.Oidc oidc = settings.oidc();
        Optional<JwtBearer> jwts = oidc.enabled() ? Optional.of(new JwtBearer(oidc)) : Optional.empty();
        Optional<OidcSignIn> oidcSignIn = oidc.enabled() ? Optional.of(new OidcSignIn(oidc)) : Optional.empty();
        Unauthorized unauthorized = new Unauthorized();
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint entryPoint =
                (request, response, e) -> (API.matches(request) ? unauthorized : signIn).commence(request, response, e);
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(localAccounts));
        oidcSignIn.ifPresent(through -> providers.add(through.provider()));
        http.authenticationManager(new ProviderManager(providers))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/login", "/app.css", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new BearerTokenFilter(apiKeys, jwts), BasicAuthenticationFilter.class)
                .addFilterBefore(new DatabaseUnavailable(), BearerTokenFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                // A browser never adds a bearer token on its own, so a request with one cannot be forged by a page.
                .csrf(csrf -> csrf.ignoringRequestMatchers(API, BearerTokenFilter::carriesBearer))
                // Only a page is worth returning to after signing in; an API call never opens a session.
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint));
        if (oidcSignIn.isPresent()) {
            OidcSignIn through = oidcSignIn.get();
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(through)
                    .defaultSuccessUrl("/", false)
                    .failureHandler(through::failed));
        }
        return http.build();
    }

    /**
     * SKUs and aliases may hold '/' and '%' and travel encoded ({@code items/TEE%2FRED%2FM}), as Tomcat is set to pass
     * them; the firewall's other rules stay.
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }

    private static RequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new NegatedRequestMatcher(API));
        return cache;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TenantAccess());
    }
}

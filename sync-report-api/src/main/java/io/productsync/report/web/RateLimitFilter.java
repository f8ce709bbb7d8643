package io.productsync.report.web;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 problem+json with {@code Retry-After} (whole seconds) once a tenant (or a caller, or a client address:
 * {@link RateLimitKey}) has used its requests. It runs right after Spring Security has found the caller, so a request
 * without a valid credential (a 401) spends no tenant's requests; what is answered 429 never reaches a controller or
 * the database.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateBuckets buckets;

    RateLimitFilter(RateBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitKey key = RateLimitKey.of(request);
        ConsumptionProbe probe = buckets.of(key).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemJson.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "too many requests for " + key.described() + ": at most "
                        + buckets.limits().requestsPerSecond() + " a second, in bursts of up to "
                        + buckets.limits().burst() + "; retry after " + retryAfter + " s");
    }
}

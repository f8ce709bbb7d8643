package io.productsync.report.web;

import io.productsync.report.system.ReportSettings;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters that bound what one client may send: the rate limit right after Spring Security's chain (which has found
 * the caller by then), the body limit after it.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    static final int RATE_LIMIT_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ReportSettings settings) {
        var registration = new FilterRegistrationBean<>(
                new RateLimitFilter(new RateBuckets(settings.report().limits())));
        registration.setOrder(RATE_LIMIT_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimitFilter(ReportSettings settings) {
        var registration = new FilterRegistrationBean<>(
                new JsonBodyLimitFilter(settings.report().limits().jsonBody()));
        registration.setOrder(RATE_LIMIT_ORDER + 1);
        return registration;
    }
}

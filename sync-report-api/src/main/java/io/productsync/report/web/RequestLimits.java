package io.productsync.report.web;

import io.productsync.report.system.ReportSettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The filters that bound what one client may send, ahead of everything else (Spring Security's chain is at -100). */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

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

package io.productsync.report.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller (or one of its methods): even its reads need the tenant's admin role (connections, API keys).
 * Without it, reads need a viewer and anything but GET or HEAD an admin ({@link TenantAccess}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminOnly {}

package io.tfaudit.api;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What runs criteria: gives them their {@link CriterionRun} and labels their results. The
 * engine (tfaudit's {@code io.tfaudit.audit.AuditExtension}) registers itself in
 * {@code META-INF/services/io.tfaudit.api.AuditEngine}, so that this package needs nothing of it.
 */
@API(status = INTERNAL, since = "0.1")
public interface AuditEngine extends ParameterResolver, InvocationInterceptor {}

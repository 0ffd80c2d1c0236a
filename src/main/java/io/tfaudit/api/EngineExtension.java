package io.tfaudit.api;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import java.util.ServiceLoader;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The extension {@link UserStory} registers: it hands every criterion to the {@link AuditEngine}
 * found on the class path.
 */
@API(status = INTERNAL, since = "0.1")
public final class EngineExtension implements ParameterResolver, InvocationInterceptor {

    private static final class Holder {
        static final AuditEngine ENGINE = ServiceLoader.load(AuditEngine.class, EngineExtension.class.getClassLoader())
                .findFirst().orElseThrow(() -> new ExtensionConfigurationException(
                        "no tfaudit audit engine on the class path (io.tfaudit:tfaudit's jar registers one)"));
    }

    private static AuditEngine engine() {
        return Holder.ENGINE;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return engine().supportsParameter(p, c);
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return engine().resolveParameter(p, c);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext c)
            throws Throwable {
        engine().interceptTestMethod(invocation, call, c);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext c) throws Throwable {
        return engine().interceptTestFactoryMethod(invocation, call, c);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext call, ExtensionContext c)
            throws Throwable {
        engine().interceptDynamicTest(invocation, call, c);
    }
}

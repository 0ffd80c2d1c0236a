package io.tfaudit.backend;

import java.util.List;

/**
 * One entry of a connector's {@code config} array in the backend's
 * {@code configuration.latest.json}: its API key ({@code name}), whether users set it
 * ({@code user_defined}; the others are computed by the backend), the UI control and value
 * type ({@code raw} or {@code dynamic}), default, whether it is required or encrypted, the
 * options of a select ({@code raw_values}, as strings), a slider's bounds and step, the
 * conditions under which it is shown, and the line where its object starts.
 */
public record BackendField(
        String name,
        boolean userDefined,
        String control,
        String valueType,
        Object defaultValue,
        boolean required,
        boolean encrypt,
        boolean setOnce,
        List<String> rawValues,
        Double min,
        Double max,
        Double step,
        String functionName,
        List<Condition> conditions,
        int line) {

    /** Shown only when another field's value satisfies {@code operator} (EQ, NE, IN). */
    public record Condition(String operator, String config, Object value) {}

    /** Secrets: encrypted by the backend or entered in a password control. */
    public boolean sensitive() {
        return encrypt || "password".equals(control);
    }

    /** Resolved by the backend at run time ({@code "type": "dynamic"}). */
    public boolean dynamic() {
        return "dynamic".equals(valueType);
    }

    /** A slider's bounds as whole numbers, when both are given. */
    public boolean hasBounds() {
        return min != null && max != null;
    }
}

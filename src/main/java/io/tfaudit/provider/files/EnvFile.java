package io.tfaudit.provider.files;

import java.util.Map;

/**
 * A dotenv file ({@code .env.example}, {@code .env}): its variable names with the line each
 * is on. Values are not kept: an audit report must never show them.
 */
public record EnvFile(String path, Map<String, Integer> variables) {}

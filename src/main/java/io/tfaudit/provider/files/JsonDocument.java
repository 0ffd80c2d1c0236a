package io.tfaudit.provider.files;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON file the provider keeps (tfgen's overrides.json, deprecations.json), parsed. */
public record JsonDocument(String path, JsonNode json, FileProblem problem) {}

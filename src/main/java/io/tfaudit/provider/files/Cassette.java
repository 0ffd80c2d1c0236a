package io.tfaudit.provider.files;

/**
 * A recorded HTTP interaction file (VCR cassette, YAML): its category folder (sources,
 * destinations, ...), how many interactions it holds, and its text for secret scanning.
 */
public record Cassette(String path, String category, int interactions, String text, FileProblem problem) {}

package io.tfaudit.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tfaudit.backend.Alignment.ConnectorAlignment;
import io.tfaudit.backend.Alignment.Difference;
import io.tfaudit.backend.Alignment.Kind;
import io.tfaudit.provider.files.FileProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alignment of every connector resource with the backend, as JSON or markdown: per
 * connector the missing, extra and mismatched fields; then the backend's connectors no
 * resource stands for, and the backend files that could not be read.
 */
public record AlignmentReport(String provider, String backend, List<ConnectorAlignment> connectors,
                              List<BackendConnector> backendWithoutResource, List<FileProblem> backendProblems) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Every connector compared, without a difference, and every backend file read. */
    public boolean aligned() {
        return backendProblems.isEmpty() && connectors.stream().allMatch(ConnectorAlignment::aligned);
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provider", provider);
        root.put("backend", backend);
        root.put("aligned", aligned());
        List<Object> list = new ArrayList<>();
        for (ConnectorAlignment c : connectors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("resource", c.typeName());
            m.put("category", c.category().label());
            m.put("connector_code", c.code());
            m.put("connector_code_from", c.codeSource());
            m.put("backend_file", c.backendFile());
            m.put("compared", c.compared());
            if (!c.compared()) {
                m.put("not_compared_because", c.notCompared());
            } else {
                m.put("user_defined_fields", c.userDefinedFields());
                m.put("mapped_fields", c.coveredFields());
                m.put("coverage_percent", c.coveragePercent());
                m.put("set_by_code", c.setByCode());
            }
            for (Kind k : Kind.values()) {
                List<Object> items = new ArrayList<>();
                for (Difference d : c.of(k)) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    if (d.attribute() != null) {
                        item.put("attribute", d.attribute());
                    }
                    item.put("api_key", d.apiKey());
                    item.put("where", d.where());
                    if (d.backendWhere() != null && !d.backendWhere().equals(d.where())) {
                        item.put("backend_where", d.backendWhere());
                    }
                    item.put("expected", d.expected());
                    item.put("found", d.found());
                    items.add(item);
                }
                m.put(k.label(), items);
            }
            list.add(m);
        }
        root.put("connectors", list);
        root.put("backend_connectors_without_resource", backendWithoutResource.stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", b.category().label());
            m.put("connector_code", b.code());
            m.put("file", b.file());
            m.put("coming_soon", b.comingSoon());
            return m;
        }).toList());
        root.put("backend_problems", backendProblems.stream().map(FileProblem::toString).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String toMarkdown() {
        StringBuilder s = new StringBuilder("# Backend alignment\n\n");
        s.append("- provider: `").append(provider).append("`\n- backend: `").append(backend).append("`\n");
        long compared = connectors.stream().filter(ConnectorAlignment::compared).count();
        long aligned = connectors.stream().filter(ConnectorAlignment::aligned).count();
        s.append("- ").append(connectors.size()).append(" connector resources, ").append(compared).append(" compared, ")
                .append(aligned).append(" aligned\n\n");
        s.append("| resource | connector code | backend file | coverage | missing | extra | type | sensitive | enum | bounds |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ConnectorAlignment c : connectors) {
            s.append("| ").append(c.typeName()).append(" | ").append(c.code()).append(" | ").append(cell(c.backendFile())).append(" | ");
            if (!c.compared()) {
                s.append("not compared | | | | | | |\n");
                continue;
            }
            s.append(c.coveredFields()).append("/").append(c.userDefinedFields()).append(" (").append(c.coveragePercent()).append("%)");
            for (Kind k : Kind.values()) {
                s.append(" | ").append(c.of(k).size());
            }
            s.append(" |\n");
        }
        for (ConnectorAlignment c : connectors) {
            if (c.aligned()) {
                continue;
            }
            s.append("\n## ").append(c.typeName()).append("\n\n");
            s.append("Connector code `").append(c.code()).append("` (").append(c.codeSource()).append("), backend file `")
                    .append(c.backendFile()).append("`.\n\n");
            if (!c.compared()) {
                s.append("Not compared: ").append(c.notCompared()).append("\n");
                continue;
            }
            for (Difference d : c.differences()) {
                s.append("- **").append(d.kind().label()).append("** ")
                        .append(d.attribute() == null ? "" : "`" + d.attribute() + "` → ").append("`").append(d.apiKey()).append("`")
                        .append(" (").append(d.where()).append(d.backendWhere() != null && !d.backendWhere().equals(d.where())
                                ? "; backend " + d.backendWhere() : "").append("): expected ").append(d.expected())
                        .append(", found ").append(d.found()).append("\n");
            }
        }
        if (!backendWithoutResource.isEmpty()) {
            s.append("\n## Backend connectors without a Terraform resource\n\n");
            for (BackendConnector b : backendWithoutResource) {
                s.append("- ").append(b.category().label()).append(" `").append(b.code()).append("` (").append(b.file()).append(")")
                        .append(b.comingSoon() ? " — coming soon" : "").append("\n");
            }
        }
        if (!backendProblems.isEmpty()) {
            s.append("\n## Backend files that could not be read whole\n\n");
            for (FileProblem p : backendProblems) {
                s.append("- ").append(p).append("\n");
            }
        }
        return s.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}

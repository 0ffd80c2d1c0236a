package io.tfaudit.provider;

import io.tfaudit.go.ast.Pos;
import java.util.List;
import java.util.Optional;

/**
 * The Go struct a resource's state is read into: its {@code tfsdk}-tagged fields, those of
 * embedded structs included (in declaration order), each with where it is declared.
 */
public record ModelStruct(String name, Pos pos, List<ModelField> fields) {

    /** One {@code tfsdk:"name"} field: the Go field, its type as written, and the struct that declares it. */
    public record ModelField(String tfsdkName, String goName, String goType, String declaredIn, Pos pos) {}

    public Optional<ModelField> field(String tfsdkName) {
        return fields.stream().filter(f -> f.tfsdkName().equals(tfsdkName)).findFirst();
    }
}

package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The secret detector: what it finds, where, as what, and that it never repeats a value. */
class SecretsTest {

    // Planted values: random-looking, never real. Each must be found and never appear in output.
    static final String BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZnRlc3QifQ.Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";
    static final String PASSWORD = "Pq7!vRz2kLw9";
    static final String CLIENT_SECRET = "cs_9fK2mQ7xT4vB8nR1";
    static final String API_KEY = "Zk8Qp3Lm5Rt7Wv9Xy2Bn";
    static final String AWS_KEY_ID = "AKIAZ7QK3LMN4PQR5STU";

    private static String kinds(List<Secrets.Secret> found) {
        return found.stream().map(Secrets.Secret::kind).toList().toString();
    }

    @Test
    void anAuthorizationHeaderInAGoVcrCassetteIsFoundOnItsLine() {
        String yaml = """
                interactions:
                    - request:
                        headers:
                            Authorization:
                                - Bearer %s
                """.formatted(BEARER);
        List<Secrets.Secret> found = Secrets.scan(yaml);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).line()).isEqualTo(5);
        assertThat(found.get(0).kind()).isEqualTo("bearer token");
        assertThat(found.get(0).redacted()).isEqualTo("eyJh…(" + BEARER.length() + " chars)");
        assertThat(found.toString()).doesNotContain(BEARER).doesNotContain(BEARER.substring(4, 20));
    }

    @Test
    void headerListsWithoutTheBearerSchemeAreFoundByTheirKey() {
        String yaml = "headers:\n    X-Api-Key:\n        - " + API_KEY + "\n    Accept:\n        - application/json\n";
        List<Secrets.Secret> found = Secrets.scan(yaml);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).line()).isEqualTo(3);
        assertThat(found.get(0).kind()).startsWith("API key");
    }

    @Test
    void jsonFieldsInBodiesAndEscapedJsonAreFound() {
        String yaml = "body: '{\"config\":{\"database.password\":\"" + PASSWORD + "\",\"database.user\":\"streamkap\"}}'\n"
                + "body: \"{\\\"client_secret\\\":\\\"" + CLIENT_SECRET + "\\\"}\"\n";
        List<Secrets.Secret> found = Secrets.scan(yaml);
        assertThat(kinds(found)).contains("password (database.password)", "client secret (client_secret)");
        assertThat(found).extracting(Secrets.Secret::line).containsExactly(1, 2);
    }

    @Test
    void formBodiesAndQueryStringsAreFound() {
        List<Secrets.Secret> found = Secrets.scan("body: client_id=tf&client_secret=" + CLIENT_SECRET + "&grant_type=client_credentials\n"
                + "url: https://api.example.com/x?api_key=" + API_KEY + "\n");
        assertThat(kinds(found)).contains("client secret (client_secret)", "API key (api_key)");
    }

    @Test
    void yamlFieldsAwsKeysPrivateKeysAndUrlPasswordsAreFound() {
        String text = """
                password: %s
                aws_access_key_id: %s
                key: |
                  -----BEGIN RSA PRIVATE KEY-----
                  MIIEowIBAAKCAQEA7Zk8Qp3Lm5Rt7Wv9Xy2BnQp7vRz2kLw9cs9fK2mQ7xT4vB8nR1
                  -----END RSA PRIVATE KEY-----
                dsn: postgres://streamkap:%s@db.internal:5432/orders
                """.formatted(PASSWORD, AWS_KEY_ID, PASSWORD + "x");
        List<Secrets.Secret> found = Secrets.scan(text);
        assertThat(kinds(found)).contains("password (password)", "AWS access key ID", "private key (RSA PEM)", "password in URL");
        assertThat(found.stream().filter(s -> s.kind().equals("AWS access key ID")).findFirst().orElseThrow().line()).isEqualTo(2);
    }

    @Test
    void longRandomStringsAnywhereAreFoundByEntropy() {
        String token = "Xq9ZtR4mK7pL2wN8vB5cJ3hG6fD1sA0e";
        List<Secrets.Secret> found = Secrets.scan("note: the session is " + token + " for now\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).kind()).startsWith("high-entropy string");
        assertThat(Secrets.entropy(token)).isGreaterThan(Secrets.ENTROPY_MIN_BITS);
    }

    @Test
    void aLongNameOfWordsIsEvidenceNotASecret() {
        // terraform-provider-http's test names were shown as "Test…(49 chars)".
        for (String name : List.of("TestDataSource_withAuthorizationRequestHeader_200", "TestAccSourcePostgreSQLResource_SSHTunnel2",
                "resourceAwsccEc2TransitGatewayRouteTable")) {
            assertThat(Secrets.scan("func " + name + "(t *testing.T)\n")).as(name).isEmpty();
        }
        for (String token : List.of("Xq9ZtR4mK7pL2wN8vB5cJ3hG6fD1sA0e", "ghx7Kp2QmZ9rT4vW8yB3nC6dF1gH5jL0", "AbCdEf1234GhIjKl5678MnOpQr90")) {
            assertThat(Secrets.scan("session " + token + "\n")).as(token).hasSize(1);
        }
    }

    @Test
    void redactedValuesPlaceholdersIdsAndProtocolFieldsAreNotSecrets() {
        String yaml = """
                body: 'client_id=REDACTED&client_secret=REDACTED&grant_type=client_credentials'
                body: '{"access_token":"REDACTED","token_type":"Bearer","expires_in":3600}'
                body: '{"database.password":"[REDACTED]","signing.secret":"***","api_key":"your-api-key-here"}'
                body: '{"password":"${DB_PASSWORD}","token":"<token>","secret":""}'
                url: https://api.streamkap.com/sources/6650f3c2a1b4c8d9e0f1a2b3?secret_returned=true
                id: 3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b
                aws_access_key_id: AKIAIOSFODNN7EXAMPLE
                next_token: Xq9ZtR4mK7pL2wN8
                Content-Type: application/x-www-form-urlencoded
                """;
        assertThat(Secrets.scan(yaml)).isEmpty();
    }

    @Test
    void placeholdersAreRecognised() {
        for (String p : List.of("REDACTED", "[REDACTED]", "***", "xxxx", "", "your-secret-here", "<password>", "${SECRET}",
                "$TOKEN", "changeme", "not-a-real-password", "fake-secret", "example", "true", "12345")) {
            assertThat(Secrets.isPlaceholder(p)).as(p).isTrue();
        }
        for (String real : List.of(PASSWORD, CLIENT_SECRET, API_KEY, "hunter2!")) {
            assertThat(Secrets.isPlaceholder(real)).as(real).isFalse();
        }
    }

    @Test
    void sensitiveKeysAreRecognisedInEveryNotation() {
        for (String k : List.of("password", "database.password", "snowflake.private.key", "aws_secret_access_key", "client_secret",
                "X-Api-Key", "Authorization", "access_token", "sasl.password", "signing.secret", "destination_databricks_token")) {
            assertThat(Secrets.isSensitiveKey(k)).as(k).isTrue();
        }
        for (String k : List.of("token_type", "secret_returned", "next_token", "database.user", "expires_in", "aws_access_key_id")) {
            assertThat(Secrets.isSensitiveKey(k)).as(k).isFalse();
        }
    }

    @Test
    void redactionShowsAtMostAQuarterOfAShortValue() {
        assertThat(Secrets.redact("abcdefghijklmnopqrstuvwxyz")).isEqualTo("abcd…(26 chars)");
        assertThat(Secrets.redact("hunter2!")).isEqualTo("hu…(8 chars)");
        assertThat(Secrets.redact("abc")).isEqualTo("…(3 chars)");
    }

    @Test
    void scrubReplacesEverySecretOfAText() {
        String text = "password: " + PASSWORD + "\nAuthorization: Bearer " + BEARER + "\n";
        String scrubbed = Secrets.scrub(text);
        assertThat(scrubbed).doesNotContain(PASSWORD).doesNotContain(BEARER)
                .contains("password: Pq7…(12 chars)").contains("Bearer eyJh…(");
    }

    @Test
    void aValueHoldingAnAmpersandIsRedactedWholeNotCutThere() {
        String line = "connecting with password=Tr0ub4dor&3-horse-battery&user=admin";
        String scrubbed = Secrets.scrub(line);
        assertThat(scrubbed).doesNotContain("3-horse", "ub4dor").contains("Tr0ub4dor&3-horse-battery".substring(0, 4) + "…(25 chars)")
                .endsWith("&user=admin");
    }

    @Test
    void aGithubTokenIsFoundByItsPrefix() {
        String token = "ghp_" + "q8Zt2LmW5nXc9VbR4sKd7FgH1jYp3TaE6uQo";
        assertThat(Secrets.scrub("Unrecognized token '" + token + "': was expecting (JSON String)")).doesNotContain(token.substring(4, 12));
        // "github" holds no "gh": the fine-grained token's prefix must open the rule by itself.
        String fineGrained = "github_pat_" + "11ABCDEFG0" + "q8Zt2LmW5nXc9VbR4sKd7FgH1jYp3TaE6uQo";
        assertThat(Secrets.scan("export X=" + fineGrained + "\n")).extracting(Secrets.Secret::kind).contains("GitHub token");
    }

    @Test
    void scrubbingWhatIsScrubbedChangesNothing() {
        String once = Secrets.scrub("password: " + PASSWORD + "\nAuthorization: Bearer " + BEARER + "\nkey " + AWS_KEY_ID
                + "\nPOST /login?user=sam&password=Tr0ub4dor&3xyzzy1 HTTP/1.1");
        assertThat(once).contains("password=Tr0u…(17 chars)");
        assertThat(Secrets.scrub(once)).isEqualTo(once);
    }

    @Test
    void aStreamIsScannedInChunksAndEachSecretFoundOnceOnItsLine() throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 300_000; i++) {
            text.append(i == 150_000 ? "Authorization: Bearer " + BEARER : i == 299_999 ? "password: " + PASSWORD : "line " + i).append('\n');
        }
        // one line far longer than a piece, its key near the end
        text.append("x".repeat(Secrets.PIECE_CHARS * 3)).append(" key ").append(AWS_KEY_ID).append('\n');
        List<Secrets.Secret> found = Secrets.scan(new java.io.StringReader(text.toString()));
        assertThat(found).extracting(Secrets.Secret::line).containsExactly(150_000, 299_999, 300_001);
        assertThat(found).isEqualTo(Secrets.scan(text.toString()));
    }

    @Test
    void aLineOfPrettyPrintedJsonKeepsItsQuotesAndCommaAndANameIsNoSecret() {
        String json = "  \"password\" : \"" + PASSWORD + "\",\n  \"api_key\" : \"slot.name\",\n";
        assertThat(Secrets.scrub(json)).isEqualTo("  \"password\" : \"Pq7…(12 chars)\",\n  \"api_key\" : \"slot.name\",\n");
    }

    @Test
    void aSourceLineQuotedByAToolWithItsLineNumberIsRedacted() {
        String frame = "  on ex/basic.tf line 2, in resource \"x\" \"y\":\n   2:   database_password = \"hc9jXmaoq3GqlpnMR6vs\n   3:   x = \n";
        org.assertj.core.api.Assertions.assertThat(Secrets.scrub(frame)).doesNotContain("hc9jXmaoq3GqlpnMR6vs").contains("   3:   x =");
    }

    @Test
    void aLongJsonValueIsScannedWithoutExhaustingTheStack() throws Exception {
        // A findings.json "what" of many lines, scanned on a thread with the usual 1 MB stack (the results writer's).
        String json = "{\"what\": \"" + "ab\\n ".repeat(50_000) + "end\", \"password\": \"Zq8vL2mN4pR7sT1w\"}";
        java.util.concurrent.atomic.AtomicReference<Object> out = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(Secrets.scrub(json));
            } catch (StackOverflowError e) {
                out.set(e);
            }
        }, "scrub", 1 << 20);
        t.start();
        t.join();
        org.assertj.core.api.Assertions.assertThat(out.get()).isInstanceOf(String.class);
        org.assertj.core.api.Assertions.assertThat((String) out.get()).doesNotContain("Zq8vL2mN4pR7sT1w").contains("end");
    }

    @Test
    void aLongQueryStringIsScannedWithoutExhaustingTheStack() throws Exception {
        // A URL or form body of many short parameters, on the results writer's usual 1 MB stack.
        String query = "?note=" + "x&".repeat(50_000) + " password=" + PASSWORD;
        java.util.concurrent.atomic.AtomicReference<Object> out = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(Secrets.scrub(query));
            } catch (StackOverflowError e) {
                out.set(e);
            }
        }, "scrub", 1 << 20);
        t.start();
        t.join();
        assertThat(out.get()).isInstanceOf(String.class);
        assertThat((String) out.get()).doesNotContain(PASSWORD).startsWith("?note=x&x&");
    }
}

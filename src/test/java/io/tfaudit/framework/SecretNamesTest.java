package io.tfaudit.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TF-012 reads a name as a secret when the name says it holds one: awscc's attributes about a
 * secret (where it comes from, how long it is valid, the endpoint that issues it) were critical
 * findings though they hold no secret.
 */
class SecretNamesTest {

    @Test
    void namesThatHoldASecret() {
        for (String name : List.of("password", "client_secret", "api_key", "api_key_value", "access_token", "refresh_token",
                "private_key", "secret_access_key", "master_user_password", "token", "credentials", "private_key_passphrase")) {
            assertThat(FrameworkDesign.namesASecret(name)).as(name).isTrue();
        }
    }

    @Test
    void namesAboutASecretThatHoldNone() {
        for (String name : List.of("client_secret_source", "access_token_validity", "token_endpoint", "api_key_header",
                "actor_token_scopes", "web_identity_token_audiences", "client_secret_json_key", "dkim_dns_token_name_1",
                "api_key_selection_expression", "secret_string_template", "token_signing_public_keys", "secret_arn",
                "credential_duration_seconds", "shared_credentials_files", "password_length", "token_url_parameters_map")) {
            assertThat(FrameworkDesign.namesASecret(name)).as(name).isFalse();
        }
    }
}

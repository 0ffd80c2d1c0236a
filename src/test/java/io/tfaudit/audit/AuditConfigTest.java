package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exec.timeout key: Go's way of writing durations or ISO-8601; anything else is refused by name. */
class AuditConfigTest {

    @Test
    void durationsAsGoWritesThemOrInIso8601() {
        assertThat(AuditConfig.parseDuration("k", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(AuditConfig.parseDuration("k", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(AuditConfig.parseDuration("k", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(AuditConfig.parseDuration("k", "1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(AuditConfig.parseDuration("k", " PT2M ")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anythingElseIsRefusedWithTheKeyAndTheValue() {
        for (String bad : new String[] {"10", "ten minutes", "5m later", "0s", "PT-5S", "m"}) {
            assertThatThrownBy(() -> AuditConfig.parseDuration("exec.timeout", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("exec.timeout: '" + bad + "' is not a positive duration (write it as 90s, 10m, 1h30m or PT10M)");
        }
    }

    @Test
    void migrationTestsPinTheBaselineRefOnlyWhenItIsAReleaseTag() {
        for (var ref : Map.of("v2.1.18", "2.1.18", "3.0.0-beta.24", "3.0.0-beta.24", "main", "2.1.18", "29127ce", "2.1.18").entrySet()) {
            AuditConfig c = AuditConfig.resolve(k -> Optional.ofNullable(Map.of(AuditConfig.BASELINE_REF, ref.getKey()).get(k)));
            assertThat(c.releasedBaselineVersion()).as(ref.getKey()).isEqualTo(ref.getValue());
        }
        assertThat(AuditConfig.resolve(k -> Optional.empty()).releasedBaselineVersion()).isEqualTo("2.1.18");
    }

    @Test
    void theTimeoutReplacesEachRunsOwnOnlyWhenSet() {
        AuditConfig unset = AuditConfig.resolve(k -> Optional.empty());
        AuditConfig set = AuditConfig.resolve(k -> Optional.ofNullable(Map.of(AuditConfig.EXEC_TIMEOUT, "45s").get(k)));

        assertThat(unset.toolTimeout(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(20));
        assertThat(set.toolTimeout(Duration.ofMinutes(20))).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void goTestGetsTheTimeoutAsGoWritesIt() {
        assertThat(GoTestRun.goDuration(Duration.ofMinutes(180))).isEqualTo("180m");
        assertThat(GoTestRun.goDuration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(GoTestRun.goDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}

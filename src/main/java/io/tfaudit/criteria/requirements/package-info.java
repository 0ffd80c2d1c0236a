/**
 * The PRD's functional requirements FR-1 … FR-38, one criterion each, a class per section of
 * the PRD. Most restate user-story criteria ({@link io.tfaudit.audit.CriterionRun#restate}) and
 * take their verdict from them, so the two lists cannot disagree; where a requirement asks
 * more than its stories (FR-3, FR-4, FR-6, FR-14, FR-16, FR-20, FR-22) the extra check uses
 * the same readers as the stories.
 */
package io.tfaudit.criteria.requirements;

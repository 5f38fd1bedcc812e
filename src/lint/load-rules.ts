import type { LintRule } from './rule.js';
import { answerShape } from './rules/answer-shape.js';
import { fileRead } from './rules/file.js';
import { mediaPath } from './rules/media-path.js';
import { rubricPoints } from './rules/rubric-points.js';
import { rubricRegex } from './rules/rubric-regex.js';
import { schema } from './rules/schema.js';
import { uniqueIds } from './rules/unique-ids.js';
import { unknownGuideline } from './rules/unknown-guideline.js';
import { unknownRule } from './rules/unknown-rule.js';
import { unknownScale } from './rules/unknown-scale.js';
import { unknownSection } from './rules/unknown-section.js';
import { yamlSyntax } from './rules/yaml-syntax.js';

/**
 * The rules the content loader runs on every file it reads (`meta.phase: 'load'`), so every command
 * refuses the problems `qualify lint` reports, with the same messages. Kept apart from the full
 * registry so loading content never loads the scorer or the stats the lint-only rules need.
 */
export const LOAD_RULES: readonly LintRule[] = [
  fileRead,
  yamlSyntax,
  schema,
  uniqueIds,
  unknownGuideline,
  unknownSection,
  unknownRule,
  unknownScale,
  answerShape,
  rubricPoints,
  rubricRegex,
  mediaPath,
];

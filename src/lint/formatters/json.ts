import path from 'node:path';
import { safeJson } from '../../text/sanitize.js';
import type { Formatter } from './types.js';

/** ESLint's numeric severities, which its formatters and CI integrations switch on. */
const ESLINT_SEVERITY = { error: 2, warning: 1 } as const;

/**
 * For tools: ESLint's JSON formatter shape, so anything that reads `eslint --format json` (its own
 * formatters, editor and CI integrations) reads this unchanged: one entry per linted file with an
 * absolute `filePath`, its `messages` (severity 2 error, 1 warning) and the counts ESLint prints.
 * Diagnostics point at one position, so the end is that same position. The section coverage of a
 * guideline rides along as an extra `coverage` field, which ESLint's readers ignore. JSON escapes
 * control characters itself.
 */
export const json: Formatter = (result) => {
  const entries = result.files.map((file) => {
    const messages = result.problems
      .filter((p) => p.file === file)
      .map((p) => ({
        ruleId: p.ruleId,
        severity: ESLINT_SEVERITY[p.severity],
        message: p.message,
        // As ESLint: the key of the message in the rule's meta.messages, stable across rewordings.
        ...(p.messageId ? { messageId: p.messageId } : {}),
        line: p.line,
        column: p.column,
        endLine: p.line,
        endColumn: p.column,
        // ESLint marks a file it could not parse at all as fatal; a YAML syntax error is that case.
        ...(p.ruleId === 'yaml-syntax' ? { fatal: true } : {}),
      }));
    const coverage = result.coverage.find((c) => c.file === file);
    return {
      filePath: path.resolve(file),
      messages,
      suppressedMessages: [],
      errorCount: messages.filter((m) => m.severity === ESLINT_SEVERITY.error).length,
      fatalErrorCount: messages.filter((m) => 'fatal' in m).length,
      warningCount: messages.filter((m) => m.severity === ESLINT_SEVERITY.warning).length,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
      ...(coverage
        ? { coverage: { guideline: coverage.guidelineId, tested: coverage.tested, total: coverage.total } }
        : {}),
    };
  });
  return `${safeJson(entries, 2)}\n`;
};

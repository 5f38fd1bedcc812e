import { safeJson } from '../../text/sanitize.js';
import type { Formatter } from './types.js';

/**
 * For tools: one entry per linted file, in ESLint's shape (`filePath`, `messages`, counts), with
 * the section coverage on the entries of guideline files. JSON escapes control characters itself.
 */
export const json: Formatter = (result, { displayPath }) => {
  const entries = result.files.map((file) => {
    const messages = result.problems
      .filter((p) => p.file === file)
      .map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, line: p.line, column: p.column }));
    const coverage = result.coverage.find((c) => c.file === file);
    return {
      filePath: displayPath(file),
      messages,
      errorCount: messages.filter((m) => m.severity === 'error').length,
      warningCount: messages.filter((m) => m.severity === 'warning').length,
      ...(coverage ? { coverage: { guideline: coverage.guidelineId, tested: coverage.tested, total: coverage.total } } : {}),
    };
  });
  return `${safeJson(entries, 2)}\n`;
};

import type { Diagnostic } from '../../content/diagnostic.js';
import type { DisableDirective } from '../directives.js';
import type { LintRule } from '../types.js';

const messages = {
  unused: (rules: string[]) =>
    rules.length === 0
      ? 'this disable comment silences nothing on the next line; remove it (errors cannot be silenced)'
      : `this disable comment for ${rules.join(', ')} silences nothing; remove it (errors cannot be silenced)`,
  unknownRule: (rule: string) => `"${rule}" is not a lint rule id (see docs/rules/)`,
};

/**
 * Disable comments that silence nothing: stale after a fix, or aimed at an error (which cannot be
 * silenced). It runs after the other rules, on the comments they left unused.
 */
export const unusedDisableDirective: LintRule & {
  fromDirectives(directives: readonly DisableDirective[], known: ReadonlySet<string>): Diagnostic[];
} = {
  meta: {
    id: 'unused-disable-directive',
    severity: 'warning',
    description: 'A `# qualify-lint-disable-...` comment that silences no warning, or names an unknown rule.',
  },
  messages,
  check: () => [],
  fromDirectives(directives, known) {
    return directives
      .filter((d) => !d.used)
      .map((d) => {
        const unknown = d.ruleIds.find((id) => !known.has(id));
        const message = unknown ? messages.unknownRule(unknown) : messages.unused(d.ruleIds);
        return {
          file: d.file,
          line: d.line,
          column: d.column,
          severity: 'warning' as const,
          ruleId: 'unused-disable-directive',
          message,
        };
      });
  },
};

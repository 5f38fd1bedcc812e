import { defineRule } from '../rule.js';

/**
 * Disable comments that silence nothing: stale after a fix, or aimed at an error (which cannot be
 * silenced). A post-pass: its visitor is called after the other rules, with the comments they left unused.
 */
export const unusedDisableDirective = defineRule({
  meta: {
    id: 'unused-disable-directive',
    severity: 'warning',
    phase: 'lint',
    description: 'A `# qualify-lint-disable-...` comment that silences no warning, or names an unknown rule.',
    messages: {
      unusedAll: 'this disable comment silences nothing on the next line; remove it (errors cannot be silenced)',
      unused: 'this disable comment for {{rules}} silences nothing; remove it (errors cannot be silenced)',
      unknownRule: '"{{rule}}" is not a lint rule id (see docs/rules/)',
    },
  },
  create(context) {
    return {
      directives(directives) {
        for (const d of directives) {
          if (d.used) continue;
          const at = { line: d.line, column: d.column };
          const unknown = d.ruleIds.find((id) => !context.ruleIds.has(id));
          if (unknown) context.report({ ...at, messageId: 'unknownRule', data: { rule: unknown } });
          else if (d.ruleIds.length === 0) context.report({ ...at, messageId: 'unusedAll' });
          else context.report({ ...at, messageId: 'unused', data: { rules: d.ruleIds.join(', ') } });
        }
      },
    };
  },
});

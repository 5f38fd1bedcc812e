import type { PathSegment } from '../../content/parse.js';
import { defineRule, text } from '../rule.js';

/**
 * Ids used twice: banks and guidelines across files (the first file keeps the id); sections, rules,
 * questions, options, items and criteria within one. Answers files, reports and `rules:` find
 * things by id, so a repeated one would make them point at the wrong thing.
 */
export const uniqueIds = defineRule({
  meta: {
    id: 'unique-ids',
    severity: 'error',
    phase: 'load',
    description: text(
      'Ids used twice: banks and guidelines across files; sections, rules, questions, options, items and ',
      'criteria within one.',
    ),
    messages: {
      guidelineTaken: 'guideline id "{{id}}" is already used by {{file}}',
      bankTaken: 'bank id "{{id}}" is already used by {{file}}',
      repeated: '{{what}} id "{{id}}" is used twice',
      reservedKey: 'the criterion id "key" is reserved for the answer key',
    },
  },
  create(context) {
    /** Reports every id after the first of its kind in one list. */
    const once = (ids: readonly unknown[], where: readonly PathSegment[], what: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        // A question that failed the schema may have no id (lint still checks the others).
        if (typeof id !== 'string') return;
        if (seen.has(id)) context.report({ path: [...where, i, 'id'], messageId: 'repeated', data: { what, id } });
        seen.add(id);
      });
    };
    return {
      guideline({ raw, sameIdIn }) {
        const sections = new Set<string>();
        const rules = new Set<string>();
        const walk = (list: typeof raw.sections, where: PathSegment[]): void => {
          list.forEach((section, i) => {
            const here = [...where, i];
            if (sections.has(section.id))
              context.report({
                path: [...here, 'id'],
                messageId: 'repeated',
                data: { what: 'section', id: section.id },
              });
            sections.add(section.id);
            (section.rules ?? []).forEach((rule, r) => {
              if (rules.has(rule.id))
                context.report({
                  path: [...here, 'rules', r, 'id'],
                  messageId: 'repeated',
                  data: { what: 'rule', id: rule.id },
                });
              rules.add(rule.id);
            });
            if (section.sections) walk(section.sections, [...here, 'sections']);
          });
        };
        walk(raw.sections, ['sections']);
        if (sameIdIn)
          context.report({
            path: ['id'],
            describe: false,
            messageId: 'guidelineTaken',
            data: { id: raw.id, file: sameIdIn },
          });
      },
      bank({ raw, questions }) {
        once(
          raw.questions.map((q) => (q as { id?: unknown } | null)?.id),
          ['questions'],
          'question',
        );
        for (const { raw: q, index } of questions) {
          const where = ['questions', index];
          const rubric = q.rubric ?? [];
          rubric.forEach((c, i) => {
            if (c.id === 'key') context.report({ path: [...where, 'rubric', i, 'id'], messageId: 'reservedKey' });
          });
          once(
            rubric.map((c) => c.id),
            [...where, 'rubric'],
            'criterion',
          );
          if ('options' in q)
            once(
              q.options.map((o) => o.id),
              [...where, 'options'],
              'option',
            );
          if ('items' in q)
            once(
              q.items.map((o) => o.id),
              [...where, 'items'],
              'item',
            );
        }
      },
      loadedBank({ bank, sameIdIn }) {
        if (sameIdIn)
          context.report({
            path: ['id'],
            describe: false,
            messageId: 'bankTaken',
            data: { id: bank.id, file: sameIdIn },
          });
      },
    };
  },
});

import type { PathSegment } from '../../content/parse.js';
import { scaleOf } from '../../content/resolve.js';
import type { BankFileQuestion } from '../../content/schema/types.generated.js';
import { listed } from '../listed.js';
import { defineRule, type RuleContext } from '../rule.js';

const messages = {
  notAnOption: 'answer "{{answer}}" is not one of the option ids ({{ids}})',
  notALabelOfScale: 'answer "{{answer}}" is not a label of the scale ({{labels}})',
  notAnItem: 'answer names {{unknown}}, which is not an item ({{ids}})',
  notItems: 'answer names {{unknown}}, which are not items ({{ids}})',
  rankingMissing: 'answer must put every item in order; missing {{missing}}',
  unknownItem: '"{{item}}" is not an item id ({{ids}})',
  unknownLabel: 'label "{{label}}" is not one of the labels ({{labels}})',
  unlabelled: 'answer must label every item; missing {{missing}}',
  noFullText: 'no accepted answer earns full credit (credit 1, the default); the key could not score 100%',
  noFullNumber: 'no accepted number earns full credit (credit 1, the default); the key could not score 100%',
  valueOrRange: 'write either value (with an optional tolerance) or both min and max',
  minAboveMax: 'min {{min}} is above max {{max}}',
  answerCredit: 'option "{{id}}" is the answer, so it earns full credit; remove its credit or make it 1',
  distractorCredit: 'option "{{id}}" is not the answer: its credit must be between 0 and 1 (1: also fully right)',
  creditedNotAnswer: 'with option credits, the answer must be exactly the options with a positive credit ({{ids}})',
  creditsTotal: 'the positive option credits add up to {{total}}, not 1; the key would not earn full credit',
} as const;

type Context = RuleContext<typeof messages>;
type Choice = Extract<BankFileQuestion, { type: 'single-choice' | 'multi-select' }>;

/**
 * Option credits must agree with the key, or a learner who picks the key would not earn full
 * credit: in a single-choice question the answer earns everything and other options part of it
 * or all of it (GIFT's several `=` answers), never less than nothing; in a multi-select the
 * credited picks are the answer and add up to the whole.
 */
function checkCredits(q: Choice, where: readonly PathSegment[], context: Context): void {
  const options = q.options;
  if (!options.some((o) => o.credit !== undefined)) return;
  const at = (i: number) => [...where, 'options', i, 'credit'];
  if (q.type === 'single-choice') {
    options.forEach((o, i) => {
      if (o.credit === undefined) return;
      if (o.id === q.answer && o.credit !== 1)
        context.report({ path: at(i), messageId: 'answerCredit', data: { id: o.id } });
      else if (o.id !== q.answer && o.credit < 0)
        context.report({ path: at(i), messageId: 'distractorCredit', data: { id: o.id } });
    });
    return;
  }
  const credited = options.filter((o) => (o.credit ?? 0) > 0).map((o) => o.id);
  if (credited.length !== q.answer.length || credited.some((id) => !q.answer.includes(id)))
    context.report({ path: [...where, 'answer'], messageId: 'creditedNotAnswer', data: { ids: listed(credited) } });
  const total = options.reduce((sum, o) => sum + Math.max(0, o.credit ?? 0), 0);
  if (Math.abs(total - 1) > 1e-6)
    context.report({
      path: [...where, 'options'],
      messageId: 'creditsTotal',
      data: { total: String(Math.round(total * 1000) / 1000) },
    });
}

/** An `answer` that refers to options, items or labels that do not exist, or has the wrong shape for its type. */
export const answerShape = defineRule({
  meta: {
    id: 'answer-shape',
    severity: 'error',
    phase: 'load',
    description:
      'An `answer` that refers to options, items or labels that do not exist, or has the wrong shape for its type.',
    messages,
  },
  create(context) {
    return {
      bank({ questions, guideline }) {
        for (const { raw: q, index } of questions) {
          const where = ['questions', index];
          const answerAt = [...where, 'answer'];
          switch (q.type) {
            case 'single-choice':
            case 'multi-select': {
              const ids = q.options.map((o) => o.id);
              const answers = q.type === 'single-choice' ? [q.answer] : q.answer;
              answers.forEach((answer, i) => {
                if (ids.includes(answer)) return;
                const path = q.type === 'single-choice' ? answerAt : [...answerAt, i];
                context.report({ path, messageId: 'notAnOption', data: { answer, ids: listed(ids) } });
              });
              checkCredits(q, where, context);
              break;
            }
            case 'rating':
            case 'preference': {
              // A named scale the guideline lacks is the unknown-scale rule's problem.
              const scale = scaleOf(q, guideline);
              if (scale && !scale.includes(q.answer))
                context.report({
                  path: answerAt,
                  messageId: 'notALabelOfScale',
                  data: { answer: q.answer, labels: listed(scale) },
                });
              break;
            }
            case 'ranking': {
              const ids = q.items.map((o) => o.id);
              const missing = ids.filter((id) => !q.answer.includes(id));
              const unknown = q.answer.filter((id) => !ids.includes(id));
              const data = { unknown: listed(unknown), ids: listed(ids) };
              if (unknown.length)
                context.report({ path: answerAt, messageId: unknown.length === 1 ? 'notAnItem' : 'notItems', data });
              else if (missing.length)
                context.report({ path: answerAt, messageId: 'rankingMissing', data: { missing: listed(missing) } });
              break;
            }
            case 'label-each': {
              const ids = q.items.map((o) => o.id);
              for (const [item, label] of Object.entries(q.answer)) {
                if (!ids.includes(item))
                  context.report({
                    path: [...answerAt, item],
                    at: 'key',
                    messageId: 'unknownItem',
                    data: { item, ids: listed(ids) },
                  });
                else if (!q.labels.includes(label))
                  context.report({
                    path: [...answerAt, item],
                    messageId: 'unknownLabel',
                    data: { label, labels: listed(q.labels) },
                  });
              }
              const unlabelled = ids.filter((id) => !Object.hasOwn(q.answer, id));
              if (unlabelled.length)
                context.report({ path: answerAt, messageId: 'unlabelled', data: { missing: listed(unlabelled) } });
              break;
            }
            case 'short-answer':
              if (!q.accept.some((a) => (a.credit ?? 1) === 1))
                context.report({ path: [...where, 'accept'], messageId: 'noFullText' });
              break;
            case 'numeric':
              q.accept.forEach((a, i) => {
                const at = [...where, 'accept', i];
                const hasRange = a.min !== undefined || a.max !== undefined;
                if (a.value !== undefined && !hasRange) return;
                if (a.value !== undefined || a.tolerance !== undefined || a.min === undefined || a.max === undefined)
                  context.report({ path: at, messageId: 'valueOrRange' });
                else if (a.min > a.max)
                  context.report({ path: [...at, 'min'], messageId: 'minAboveMax', data: { min: a.min, max: a.max } });
              });
              if (!q.accept.some((a) => (a.credit ?? 1) === 1))
                context.report({ path: [...where, 'accept'], messageId: 'noFullNumber' });
              break;
            default:
              break;
          }
        }
      },
    };
  },
});

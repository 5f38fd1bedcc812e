import type { LabelEachQuestion, RankingQuestion } from '../../content/types.js';
import type { AnswerRules } from './answer-rules.js';

/** Credit is the share of item pairs the response puts in the same order as the key. */
export const ranking: AnswerRules<RankingQuestion> = {
  problem(question, answer) {
    const ids = question.items.map((i) => i.id);
    const ok = Array.isArray(answer) && answer.length === ids.length && ids.every((id) => answer.includes(id));
    return ok ? undefined : `expected every item id once, first to last (${ids.join(', ')})`;
  },
  credit(question, answer) {
    if (!Array.isArray(answer)) return 0;
    const position = new Map(answer.map((id, i) => [String(id), i]));
    const key = question.answer;
    let pairs = 0;
    let inOrder = 0;
    for (let i = 0; i < key.length; i++) {
      for (let j = i + 1; j < key.length; j++) {
        pairs++;
        const first = position.get(key[i]!);
        const second = position.get(key[j]!);
        if (first !== undefined && second !== undefined && first < second) inOrder++;
      }
    }
    return pairs === 0 ? 0 : inOrder / pairs;
  },
};

/** A label as an answers file gives it (text, or a number or true/false written bare), read as text. */
function labelText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(labelText).join(',');
  return '';
}

/** Each item of a label-each question with the label given (undefined: none) and whether the key has it. */
export function labelVerdicts(
  question: LabelEachQuestion,
  answer: unknown,
): { id: string; text: string; given: string | undefined; expected: string; right: boolean }[] {
  const given = answer !== null && typeof answer === 'object' ? (answer as Record<string, unknown>) : {};
  return question.items.map((item) => {
    const label = given[item.id] === undefined ? undefined : labelText(given[item.id]).trim();
    const expected = question.answer[item.id] ?? '';
    return { ...item, given: label, expected, right: label?.toLowerCase() === expected.toLowerCase() };
  });
}

/** Equal credit for every item labelled as in the key. */
export const labelEach: AnswerRules<LabelEachQuestion> = {
  problem(question, answer) {
    if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) {
      return `expected a mapping of item ids to labels (labels: ${question.labels.join(', ')})`;
    }
    for (const [item, label] of Object.entries(answer)) {
      if (!question.items.some((i) => i.id === item))
        return `"${item}" is not an item id (${question.items.map((i) => i.id).join(', ')})`;
      if (!question.labels.some((l) => l.toLowerCase() === String(label).trim().toLowerCase())) {
        return `"${String(label)}" is not a label (${question.labels.join(', ')})`;
      }
    }
    return undefined;
  },
  credit(question, answer) {
    if (answer === null || typeof answer !== 'object') return 0;
    return labelVerdicts(question, answer).filter((v) => v.right).length / question.items.length;
  },
};

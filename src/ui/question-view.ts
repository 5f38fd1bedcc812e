import { labelVerdicts } from '../scoring/types/items.js';
import type { Guideline, Question, Section } from '../content/types.js';
import { maxPoints, type QuestionResult } from '../report/model.js';
import { uiMessages } from './messages.js';
import { safe } from './screen.js';
import { makeTheme } from '../text/theme.js';
import { reflow, reflowProse } from '../text/wrap.js';

/** A question whose key, or one of whose rubric criteria, fails the exam on its own when missed. */
export function isCritical(question: Question): boolean {
  return question.critical || question.rubric.some((c) => c.critical);
}

/** The question as the learner reads it: id and sections, the prompt, the material, media. */
export function questionBody(question: Question, color: boolean): string {
  const c = makeTheme(color);
  const out: string[] = [];
  out.push(
    c.dim(
      `${safe(question.id)} · ${uiMessages.sectionsTested(question.sections.map(safe).join(', '))} · ` +
        `${uiMessages.pointsTag(maxPoints(question), isCritical(question))}`,
    ),
  );
  out.push(c.bold(safe(question.prompt)));
  if (typeof question.context === 'string') out.push('', safe(reflowProse(question.context)));
  else if (question.context) {
    for (const [name, text] of Object.entries(question.context))
      out.push('', c.cyan.bold(`${safe(name)}:`), safe(reflowProse(text)));
  }
  for (const media of question.media) out.push(c.dim(uiMessages.mediaLine(safe(media.alt ?? media.path))));
  const hint = typeHint(question);
  if (hint) out.push('', c.dim(hint));
  return out.join('\n');
}

/** A question's material as one line: the context's text (each part after its name), or nothing. */
function contextLine(question: Question): string {
  const context = question.context;
  if (context === undefined) return '';
  const text =
    typeof context === 'string'
      ? context
      : Object.entries(context)
          .map(([name, part]) => `${name}: ${part}`)
          .join(' · ');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * For the review screen: the words that tell each question from the others, first. A prompt that
 * several questions share ("Which response is better?") says nothing, so their context comes first.
 * Bank text, not yet made safe.
 */
export function distinguishingWords(questions: readonly Question[]): string[] {
  const prompts = questions.map((q) => q.prompt.replace(/\s+/g, ' ').trim());
  const shared = (prompt: string) => prompts.filter((p) => p === prompt).length > 1;
  return questions.map((question, i) => {
    const context = contextLine(question);
    return shared(prompts[i]!) && context ? `${context} — ${prompts[i]}` : prompts[i]!;
  });
}

function typeHint(question: Question): string | undefined {
  switch (question.type) {
    case 'multi-select':
      return uiMessages.multiHint;
    case 'ranking':
      return uiMessages.rankingHint;
    case 'rating':
    case 'preference':
      return uiMessages.scaleEnds(safe(question.scale[0]!), safe(question.scale[question.scale.length - 1]!));
    default:
      return undefined;
  }
}

function sectionText(section: Section, depth: number, color: boolean, out: string[]): void {
  const c = makeTheme(color);
  out.push(c.bold.cyan(`${'#'.repeat(Math.min(depth + 1, 3))} ${safe(section.id)} ${safe(section.title)}`));
  // Paragraphs, not the YAML source's line breaks: the screen wraps them to its width.
  if (section.body) out.push(safe(reflow(section.body.trimEnd())));
  for (const term of section.terms ?? []) out.push(`${c.bold(safe(term.term))}: ${safe(term.definition)}`);
  for (const rule of section.rules ?? []) out.push(`${c.yellow(`Rule ${safe(rule.id)}`)} ${safe(rule.text)}`);
  for (const exception of section.exceptions ?? []) out.push(`${c.dim('Exception:')} ${safe(exception)}`);
  for (const example of section.examples ?? []) {
    out.push(`${c.dim('Example')} ${c.bold(safe(example.title))}`, safe(reflow(example.body.trimEnd())));
    if (example.verdict) out.push(`${c.dim('Verdict:')} ${safe(example.verdict)}`);
  }
  out.push('');
  for (const sub of section.sections ?? []) sectionText(sub, depth + 1, color, out);
}

/**
 * Guideline sections as readable text, subsections included. With no ids: the whole guideline
 * (for reading it from the home screen).
 */
export function guidelineText(guideline: Guideline, sectionIds: readonly string[] | undefined, color: boolean): string {
  const out: string[] = [];
  const sections =
    sectionIds === undefined ? guideline.sections : sectionIds.flatMap((id) => guideline.sectionIndex.get(id) ?? []);
  if (sectionIds === undefined && guideline.description) out.push(safe(guideline.description.trimEnd()), '');
  for (const section of sections) sectionText(section, 0, color, out);
  return out.join('\n').trimEnd();
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Practice feedback right after an answer: right or wrong, points, the expected answer, the
 * explanation, the guideline rules the question tests and the model answer.
 */
export function feedbackText(result: QuestionResult, color: boolean): string {
  const { question, response, score } = result;
  const c = makeTheme(color);
  const out: string[] = [];
  const verdict = !score.answered
    ? c.red.bold(uiMessages.notAnswered)
    : result.fullCredit
      ? c.green.bold(uiMessages.correct)
      : score.earned > 0
        ? c.yellow.bold(uiMessages.partly)
        : c.red.bold(uiMessages.wrong);
  out.push(`${verdict} · ${uiMessages.pointsEarned(num(score.earned), num(score.max))}`);
  if (question.type === 'free-text') {
    const written = (response?.text ?? '').trimEnd();
    if (written)
      out.push(c.dim(uiMessages.yourAnswer('').trimEnd()), ...written.split('\n').map((line) => `  ${safe(line)}`));
  } else if (question.type === 'label-each' && score.answered) {
    // One line per item, marked right or wrong, so the learner sees which labels to fix.
    out.push(c.dim(uiMessages.yourLabels));
    for (const item of labelVerdicts(question, response?.answer))
      out.push(
        `  ${item.right ? c.green('✓') : c.red('✗')} ${safe(item.text)} → ${
          item.given === undefined ? uiMessages.noLabel : safe(item.given)
        }${item.right ? '' : c.dim(` (${uiMessages.expected.toLowerCase()}: ${safe(item.expected)})`)}`,
      );
  } else {
    out.push(`${c.dim(uiMessages.yourAnswer(''))}${safe(result.givenText)}`);
    out.push(`${c.dim(`${uiMessages.expected}: `)}${safe(result.expectedText)}`);
  }
  const onWhat =
    question.type === 'short-answer' || question.type === 'numeric' ? uiMessages.onYourAnswer : uiMessages.onYourPick;
  for (const note of result.feedback) out.push(`${c.dim(`${onWhat}:`)} ${safe(note)}`);
  if (question.explanation) out.push('', `${c.bold(uiMessages.why)}: ${safe(question.explanation.trimEnd())}`);
  for (const rule of result.rules) out.push(`${c.yellow(uiMessages.rule(safe(rule.id)))} ${safe(rule.text)}`);
  for (const criterion of result.rubricMissed)
    out.push(`${c.dim(criterion.points < 0 ? 'Pitfall:' : 'Missed:')} ${safe(criterion.text)}`);
  if (question.model_answer)
    out.push('', `${c.bold(uiMessages.modelAnswer)}: ${safe(question.model_answer.trimEnd())}`);
  return out.join('\n');
}

import type { Question } from '../content/types.js';
import { describeAnswer, NOT_ANSWERED } from '../report/model.js';
import type { Confidence, Response } from '../scoring/response.js';
import { makeTheme } from '../text/theme.js';
import type { PromptContext } from './ask.js';
import { uiMessages } from './messages.js';
import { checkboxPrompt, type CheckboxConfig } from './prompts/checkbox.js';
import { choicePrompt } from './prompts/choice.js';
import type { Outcome } from './prompts/nav.js';
import { questionBody } from './question-view.js';
import { safe, type ScreenConfig } from './screen.js';

const LEVELS: readonly Confidence[] = ['low', 'medium', 'high'];

/**
 * "How sure are you?" under the question, after its answer (exam, practice and drill alike), with
 * no level chosen in advance.
 */
export function askConfidence(
  question: Question,
  screen: Omit<ScreenConfig, 'body'>,
  context: PromptContext,
): Promise<Outcome<string>> {
  const c = makeTheme(screen.color);
  return choicePrompt(
    {
      // The question scrolls on a short window; what is asked stays in view above the levels.
      screen: { ...screen, body: questionBody(question, screen.color), pinned: c.bold(uiMessages.confidencePrompt) },
      choices: LEVELS.map((level) => ({ value: level, label: uiMessages.confidence[level] })),
      // No level is preselected, not even the one given before a change of answer: Enter on a
      // habit must not record a level the learner did not choose for this answer.
      noPreselection: true,
      enterHint: uiMessages.keys.choose,
    },
    context,
  );
}

const indent = (text: string) => text.replace(/^/gm, '  ');

/** What the self-assessment shows: the screen, the criteria ticked before, and the learner's own answer. */
export interface SelfAssessment {
  screen: Omit<ScreenConfig, 'body'>;
  checked: readonly string[];
  context: PromptContext;
  /** Shown above the model answer, so the ticks compare the two. */
  ownAnswer?: string;
}

/**
 * What the learner wrote, for the self-check: the free text, or the answer as seen on screen
 * (option texts, labels, order) with the rationale under it.
 */
export function ownAnswerText(question: Question, response: Response | undefined): string {
  if (question.type === 'free-text') return response?.text?.trimEnd() || NOT_ANSWERED;
  const answer = describeAnswer(question, response?.answer);
  const rationale = response?.rationale?.trim();
  return rationale ? `${answer}\n${rationale}` : answer;
}

/**
 * The self-check screen: the prompt, the learner's own answer (when given) above the model
 * answer, so the ticks compare the two, then the question's `self` criteria. Bank text and the
 * learner's text are made safe; the screen wraps it all to its width.
 */
export function selfAssessmentConfig(
  question: Question,
  { screen, checked, ownAnswer }: Omit<SelfAssessment, 'context'>,
): CheckboxConfig {
  const c = makeTheme(screen.color);
  const criteria = question.rubric.filter((x) => x.check === 'self');
  const own =
    ownAnswer === undefined ? '' : `\n\n${c.bold(uiMessages.yourAnswer('').trimEnd())}\n${indent(safe(ownAnswer))}`;
  const model = question.model_answer
    ? `\n\n${c.bold(uiMessages.modelAnswer)}:\n${indent(safe(question.model_answer.trimEnd()))}`
    : '';
  return {
    screen: {
      ...screen,
      body: `${c.bold(safe(question.prompt))}${own}${model}\n\n${c.bold(uiMessages.selfAssessPrompt)}`,
    },
    choices: criteria.map((x) => ({ value: x.id, label: x.text })),
    checked,
    enterHint: uiMessages.keys.choose,
  };
}

/** Asks for the question's `self` criteria to tick (see selfAssessmentConfig). */
export function askSelfAssessment(question: Question, assessment: SelfAssessment): Promise<Outcome<string[]>> {
  return checkboxPrompt(selfAssessmentConfig(question, assessment), assessment.context);
}

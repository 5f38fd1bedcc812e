import type { Question } from '../content/types.js';
import type { Confidence } from '../scoring/response.js';
import { makeTheme } from '../text/theme.js';
import type { PromptContext } from './ask.js';
import { uiMessages } from './messages.js';
import { checkboxPrompt } from './prompts/checkbox.js';
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
      screen: { ...screen, body: `${questionBody(question, screen.color)}\n\n${c.bold(uiMessages.confidencePrompt)}` },
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
 * The question's `self` rubric criteria to tick. The learner's own answer (when given) sits above
 * the model answer, so the ticks compare the two.
 */
export function askSelfAssessment(
  question: Question,
  { screen, checked, context, ownAnswer }: SelfAssessment,
): Promise<Outcome<string[]>> {
  const c = makeTheme(screen.color);
  const criteria = question.rubric.filter((x) => x.check === 'self');
  const own =
    ownAnswer === undefined ? '' : `\n\n${c.bold(uiMessages.yourAnswer('').trimEnd())}\n${indent(safe(ownAnswer))}`;
  const model = question.model_answer
    ? `\n\n${c.bold(uiMessages.modelAnswer)}:\n${indent(safe(question.model_answer.trimEnd()))}`
    : '';
  return checkboxPrompt(
    {
      screen: {
        ...screen,
        body: `${c.bold(safe(question.prompt))}${own}${model}\n\n${c.bold(uiMessages.selfAssessPrompt)}`,
      },
      choices: criteria.map((x) => ({ value: x.id, label: x.text })),
      checked,
      enterHint: uiMessages.keys.choose,
    },
    context,
  );
}

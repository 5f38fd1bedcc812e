import { formatWhen } from '../text/theme.js';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
/** The practice command of a bank, on a line of its own, to copy. */
const practiceCommand = (bank: string) => `  qualify practice ${bank}`;

/** The attempt layer's user-facing text (refusals, answers files, the answer stream), in one place. */
export const attemptMessages = {
  retakeWait: (title: string, bank: string, until: number, failed: number) =>
    `You cannot retake "${title}" yet: after ${plural(failed, 'failed attempt')} ` +
    `the waiting period runs until ${formatWhen(until)}.\n` +
    'Until then, re-read the sections in your last report ("qualify report"), ' +
    `or practise, which never counts:\n${practiceCommand(bank)}`,
  lockedOut: (title: string, bank: string, until: number | undefined, failed: number) =>
    (until === undefined
      ? `"${title}" is locked: ${plural(failed, 'failed attempt')} used up its attempts for good, ` +
        'as on platforms that close a qualification after repeated failures.'
      : `"${title}" is locked after ${plural(failed, 'failed attempt')} until ${formatWhen(until)}; ` +
        'then the attempts reset.') + ` Practice is still open, and never counts:\n${practiceCommand(bank)}`,
  clockRollback: (bank: string, last: number) =>
    `Refusing to start "${bank}": the system clock says it is earlier than an attempt already recorded ` +
    `(${formatWhen(last)}). A clock turned back cannot shorten a waiting period; fix the date and time and try again.`,
  nothingToResume: (bank: string, mode: string) =>
    `There is no ${mode} of "${bank}" in progress to resume. Start one with "qualify ${mode} ${bank}".`,
  examInProgress: (bank: string, started: number, deadline: number | undefined) =>
    `An exam of "${bank}" is already in progress, started ${formatWhen(started)}. ` +
    `Only one exam of a bank can be open at a time.\nTo continue it:\n  qualify exam ${bank} --resume\n` +
    (deadline === undefined
      ? 'It has no time limit: it stays open until you hand it in.'
      : `Or leave it: its time runs out at ${formatWhen(deadline)}, and then it is handed in as it stands ` +
        '(it counts as an attempt).'),
  practiceRoundOpen: (bank: string) =>
    `A practice round of "${bank}" is still open. Continue it with "qualify practice ${bank} --resume" in a ` +
    `terminal, ` +
    `or with "qualify exam ${bank} --practice --answers - --stream --resume".`,

  answersErrors: (n: number) => `${plural(n, 'problem')} in the answers file.`,
  answersNotMapping: 'an answers file maps question ids to responses, like "se-001: b"',
  unknownQuestion: (id: string, bank: string) => `question "${id}" is not in bank "${bank}"; its response is ignored`,
  answersForAnotherBank: (bank: string, unknown: number, total: number, owner: string | undefined) =>
    (unknown === total
      ? `none of the ${plural(total, 'question id')} in this answers file is in bank "${bank}"`
      : `${unknown} of the ${total} question ids in this answers file are not in bank "${bank}"`) +
    (owner ? `; they belong to bank "${owner}"` : '; no bank found has them'),
  answersWrongBank: (bank: string, instead: string | undefined) =>
    `This answers file is not for "${bank}"; nothing was recorded.` + (instead ? ` Did you mean: ${instead}?` : ''),
  badAnswer: (id: string, problem: string) => `question "${id}": ${problem}`,
  badConfidence: (id: string, value: string) =>
    `question "${id}": confidence must be low, medium or high, not "${value}"`,
  noAnswersInFile: 'the answers file holds no answers; every question will score 0',
  selfNotList: 'self: must be a list of the rubric criteria (by id) your answer meets',
  badSelfCriterion: (value: string, known: string[]) =>
    known.length
      ? `self: "${value}" is not one of this question's self-assessed criteria (${known.join(', ')})`
      : `self: this question has no self-assessed criteria, so "${value}" cannot be ticked`,

  streamLineTooLong: 'this line is longer than 1 MB; it was ignored',
  streamNotJson: 'not a JSON object; send one per line, like {"id": "se-001", "answer": "b"}',
  streamNotObject: 'a line is one JSON object, like {"id": "se-001", "answer": "b"} or {"submit": true}',
  streamUnknownQuestion: (id: string) => `question "${id}" is not in this attempt; its answer was not recorded`,
  streamNoResponse: (id: string) => `question "${id}": the line has no answer (use "answer", or "text" for free text)`,
  streamEndedWithoutSubmit: (bank: string, mode: string) =>
    'Standard input ended before {"submit": true}: the attempt was not submitted and stays in progress, ' +
    'with every acknowledged answer saved. ' +
    `Continue it with "qualify exam ${bank}${mode === 'practice' ? ' --practice' : ''} --answers - --stream --resume".`,

  // drill
  drillEverything: 'your whole deck',
  unknownTarget: (id: string, banks: string[], guidelines: string[]) =>
    `There is no bank or guideline with id "${id}".\n` +
    `Banks: ${banks.join(', ') || '(none)'}\nGuidelines: ${guidelines.join(', ') || '(none)'}`,
  unknownSection: (id: string, guideline: string, known: string[]) =>
    `Guideline "${guideline}" has no section "${id}". Its sections: ` +
    `${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''}`,
  sectionNeedsTarget:
    '--section needs a bank or guideline to look the section up in (e.g. qualify drill my-bank --section 3).',
};

/** What the importers say about what they could not convert, in one place. */
export const importMessages = {
  giftSyntax: (detail: string) => `GIFT syntax: ${detail}`,
  escapeIt: (char: string) =>
    ` (a "${char}" that is text must be escaped as \\${char}, or a brace is missing before it)`,
  essay:
    'an essay question without general feedback (####) has no model answer to score against; ' +
    'add one, or write it as a free-text question with a rubric',
  essayCriterion: 'The answer covers what the model answer covers.',
  descriptionAlone: 'a description with no question after it; put its text in the guideline or before a question',
  imageDropped: (src: string) =>
    `an image${src ? ` (${src})` : ''} was dropped: banks show text only; ` +
    "describe it in words or add it under the question's media",
  negativeInSingle: (id: string, share: number) =>
    `option "${id}" has a negative weight (${Math.round(share * 100)}%), ` +
    'which a single-answer question cannot take back here; it was imported as worth 0',
  negativeInTyped: (answer: string, share: number) =>
    `the answer "${answer}" has a negative weight (${Math.round(share * 100)}%), ` +
    'which a typed answer cannot take back; it was imported as worth 0',
  weightsNotWhole: (percent: number) =>
    `the positive weights add up to ${percent}%, not 100%, so even the best answer would not earn full credit`,
  numericalUnreadable: 'a numerical answer without a number',
  numericalNoAnswer: 'no numerical answer is worth 100%',
  ifYouAnswered: (answer: boolean, feedback: string) => `If you answered ${answer ? 'true' : 'false'}: ${feedback}`,
  noCorrectChoice: 'no choice is marked correct (= or a positive %weight)',
  tooFewChoices: 'a choice question needs at least two choices',
  matchingTooFew: 'a matching question needs at least two pairs and two different answers',
  shortNoAnswer: 'no answer of this short-answer question is worth 100%',
  aikenNoAnswer: 'the question has no "ANSWER: <letter>" line before the next question starts',
  aikenBadAnswer: (letter: string, letters: string[]) =>
    `"ANSWER: ${letter}" is not one of the option letters (${letters.join(', ')})`,
  aikenTooFewOptions: 'an Aiken question needs at least two options ("A. ...", "B. ...")',
  aikenStrayOption: (text: string) => {
    const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
    return `an option line outside a question (no question line before it): "${shown}"`;
  },
  aikenStrayAnswer: 'an ANSWER line outside a question (no question and options before it)',
  importedFrom: (format: string) =>
    `Imported from ${format}; review every question, then write the guideline sections they test.`,
};

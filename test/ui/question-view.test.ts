import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { distinguishingWords } from '../../src/ui/question-view.js';

const question = (id: string, prompt: string, context?: Question['context']) =>
  ({
    id,
    type: 'preference',
    prompt,
    context,
    sections: ['1'],
    rules: [],
    media: [],
    rubric: [],
    critical: false,
    points: 1,
  }) as unknown as Question;

describe('distinguishingWords (review screen rows)', () => {
  it('puts the context first when several questions share their prompt', () => {
    const words = distinguishingWords([
      question('p-1', 'Which response is better?', { Prompt: 'Plan a trip to Lisbon', 'Response A': 'Day one…' }),
      question('p-2', 'Which response is better?', { Prompt: 'Explain compound interest', 'Response A': 'Interest…' }),
      question('p-3', 'Rate this response on its own.', 'A short poem about rain'),
    ]);
    expect(words[0]).toMatch(/^Prompt: Plan a trip to Lisbon · Response A: Day one… — Which response is better\?$/);
    expect(words[1]).toMatch(/^Prompt: Explain compound interest/);
    // A prompt of its own already tells the question apart.
    expect(words[2]).toBe('Rate this response on its own.');
  });
});

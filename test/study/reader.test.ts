import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/library/load.js';
import type { Guideline } from '../../src/content/types.js';
import { drillRound, flashQuestion, guidelineCards, inSection, type DueCard } from '../../src/study/cards.js';
import { passSections, searchSections, sectionAlone } from '../../src/study/reader.js';
import { scoreQuestion } from '../../src/scoring/rubric.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const content = loadContent([path.join(ROOT, 'guidelines'), path.join(ROOT, 'test', 'fixtures', 'basic')], []);
const fixture = content.guidelines.get('fixture-guide')!;
const search: Guideline = [...content.guidelines.values()].find(
  (g) => g.sectionIndex.has('7.1') && g.title.startsWith('Search'),
)!;

describe('searching a guideline', () => {
  it('jumps straight to a section given by its id', () => {
    expect(searchSections(fixture, '2.1')).toEqual([{ sectionId: '2.1', title: 'High quality', snippet: '' }]);
  });

  it('finds the sections holding every word, title matches first, with the line that matched', () => {
    expect(searchSections(fixture, 'FLAG')).toEqual([
      { sectionId: '3', title: 'Safety', snippet: 'Flag unsafe content.' },
    ]);
    expect(searchSections(fixture, 'read rate').map((h) => h.sectionId)).toEqual(['1']);
    const hits = searchSections(search, 'fully meets');
    expect(hits[0]!.sectionId).toBe('7.1'); // "When Fully Meets is possible"
    expect(hits.length).toBeGreaterThan(2);
    expect(searchSections(fixture, 'zebra')).toEqual([]);
    expect(searchSections(fixture, '   ')).toEqual([]);
  });
});

describe('the three reading passes', () => {
  const records = new Map([
    ['1', { tried: 2, correct: 1, lastSeen: 0 }],
    ['2', { tried: 2, correct: 2, lastSeen: 0 }],
    ['2.1', { tried: 1, correct: 0, lastSeen: 0 }],
    ['3', { tried: 3, correct: 1, lastSeen: 0 }],
  ]);

  it('reads everything in document order, then the sections with rules, then the missed ones worst first', () => {
    expect(passSections(fixture, 1, records)).toEqual(['1', '2', '2.1', '3']);
    expect(passSections(fixture, 2, records)).toEqual(['1', '2.1', '3']); // section 2 has no rules, terms or examples
    expect(passSections(fixture, 3, records)).toEqual(['2.1', '3', '1']); // 0%, 33%, 50%; 2 was always right
    expect(passSections(fixture, 3, new Map())).toEqual([]);
  });

  it('shows a section without its subsections; the second pass without its prose', () => {
    const two = fixture.sectionIndex.get('2')!;
    expect(sectionAlone(two, false).sections).toBeUndefined();
    expect(sectionAlone(two, false).body).toBe('Rate on the quality scale.');
    expect(sectionAlone(two, true).body).toBeUndefined();
  });
});

describe('drill cards from a guideline', () => {
  it('makes a card of every rule and term, and asks a rule card as a choice between rules', () => {
    const cards = guidelineCards(fixture);
    expect(cards.map((c) => c.id)).toEqual([
      'rule:fixture-guide:1.r1',
      'rule:fixture-guide:2.1.r1',
      'rule:fixture-guide:3.r1',
    ]);
    const question = flashQuestion(cards[0]!, fixture)!;
    expect(question.prompt).toContain('Which is rule 1.r1');
    expect(question.options.map((o) => o.text).sort()).toEqual(
      [...fixture.ruleIndex.values()].map((r) => r.text).sort(),
    );
    const right = question.options.find((o) => o.text === 'Read every instruction before you rate.')!;
    expect(scoreQuestion(question, { answer: right.id, self: [] }).earned).toBe(1);
    expect(flashQuestion(cards[0]!, fixture)).toEqual(question); // the same options every time
  });

  it('asks a term card as "which definition?", with other definitions beside it', () => {
    const termCards = guidelineCards(search).filter((c) => c.kind === 'term');
    expect(termCards.length).toBeGreaterThan(1);
    const card = termCards[0]!;
    const term = search.sectionIndex.get(card.sectionId)!.terms!.find((t) => t.term === card.ref)!;
    const question = flashQuestion(card, search)!;
    expect(question.prompt).toContain(`What does "${term.term}" mean`);
    expect(question.options).toHaveLength(4);
    expect(question.options.find((o) => o.id === question.answer)!.text).toBe(term.definition);
  });

  it('drills only what is due: missed questions first, then by due date and guideline order', () => {
    const card = (id: string, kind: DueCard['kind'], sectionId: string, due: number): DueCard => ({
      id,
      kind,
      sectionId,
      due,
      bankId: 'b',
      guidelineId: 'g',
      ref: id,
    });
    const deck = [
      card('rule-a', 'rule', '1', 0),
      card('q-late', 'question', '1', 50),
      card('q-3', 'question', '3', 10),
      card('q-2', 'question', '2', 10),
      card('future', 'question', '1', 1000),
    ];
    expect(drillRound(deck, 100, 10).map((c) => c.id)).toEqual(['q-2', 'q-3', 'q-late', 'rule-a']);
    expect(drillRound(deck, 100, 2).map((c) => c.id)).toEqual(['q-2', 'q-3']);
    expect(inSection('7.2', '7')).toBe(true);
    expect(inSection('17', '1')).toBe(false);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldBytes, openContentCache } from '../../src/content/cache.js';
import { SHIPPED_CONTENT_DIRS } from '../../src/content/discover.js';
import { packQuestions, questionList, unpackQuestions } from '../../src/content/packed-questions.js';
import type { Question } from '../../src/content/types.js';
import { drawQuestions } from '../../src/exam/draw.js';
import { loadContent } from '../../src/library/load.js';
import { GUIDELINE, bankYaml, tempTree } from '../helpers.js';

const questionsOf = (content: ReturnType<typeof loadContent>) =>
  new Map([...content.banks.values()].map(({ bank }) => [bank.id, bank.questions]));

describe('a bank remembered with its questions packed', () => {
  it('gives every shipped bank back question for question, as plain objects do', () => {
    const cacheDir = path.join(tempTree(), 'cache');
    const fresh = questionsOf(loadContent(SHIPPED_CONTENT_DIRS, [], openContentCache(cacheDir)));
    const remembered = questionsOf(loadContent(SHIPPED_CONTENT_DIRS, [], openContentCache(cacheDir)));
    expect(remembered.size).toBeGreaterThan(5);
    for (const [id, questions] of fresh) {
      const again = remembered.get(id)!;
      expect(again.map((q) => q.id)).toEqual(questions.map((q) => q.id));
      expect(JSON.stringify(again)).toBe(JSON.stringify(questions));
      again.forEach((q, i) => {
        expect(q).toEqual(questions[i]);
        expect({ ...q }).toEqual({ ...questions[i] });
        expect(Object.keys(q)).toEqual(Object.keys(questions[i]!));
      });
    }
  });

  it('draws from a remembered bank the questions, and the same objects, a bank read afresh gives', () => {
    const cacheDir = path.join(tempTree(), 'cache');
    const bankOf = () => loadContent(SHIPPED_CONTENT_DIRS, [], openContentCache(cacheDir)).banks.values().next().value!;
    const fresh = bankOf().bank;
    bankOf(); // remembered from here on
    const remembered = bankOf().bank;
    expect(questionList(remembered).length).toBe(fresh.questions.length);
    const drawn = drawQuestions(remembered, 11);
    expect(drawn.map((q) => JSON.stringify(q))).toEqual(drawQuestions(fresh, 11).map((q) => JSON.stringify(q)));
    // Building the whole list afterwards gives the questions already drawn, not copies.
    const places = drawn.map((q) => remembered.questions.findIndex((r) => r.id === q.id));
    expect(places.map((i) => remembered.questions[i])).toEqual(drawn);
    places.forEach((place, k) => expect(remembered.questions[place]).toBe(drawn[k]));
    // A bank spread into a new object keeps its questions and nothing of how they were kept.
    expect({ ...remembered }.questions).toHaveLength(fresh.questions.length);
    expect(Object.getOwnPropertySymbols({ ...remembered })).toEqual([]);
  });

  it('answers `in`, writes and deletes like the question it stands for', () => {
    const question = {
      id: 'q1',
      type: 'true-false',
      sections: ['1'],
      prompt: 'P',
      answer: true,
      media: [],
    } as unknown as Question;
    const { packed, bytes } = packQuestions([question]);
    const [back] = unpackQuestions(packed, heldBytes(bytes));
    expect(back!.id).toBe('q1');
    expect('answer' in back!).toBe(true);
    expect('options' in back!).toBe(false);
    back!.prompt = 'Changed';
    expect(back!.prompt).toBe('Changed');
    delete (back as Partial<Question>).explanation;
    expect(Object.keys(back!)).toEqual(['id', 'type', 'sections', 'prompt', 'answer', 'media']);
  });

  it('still reports a media file deleted after the bank was remembered', () => {
    const dir = tempTree({
      'content/g.yaml': GUIDELINE,
      'content/b.yaml': bankYaml(
        `  - {id: q1, type: true-false, sections: ["1"], prompt: P, answer: true, media: [{path: img.png}]}\n`,
      ),
      'content/img.png': 'png',
    });
    const load = () => loadContent([path.join(dir, 'content')], [], openContentCache(path.join(dir, 'cache')));
    expect(load().diagnostics).toEqual([]);
    expect(load().banks.get('b')!.bank.questions[0]!.media[0]!.path).toBe('img.png');
    fs.rmSync(path.join(dir, 'content', 'img.png'));
    expect(load().diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '7:89 question "q1": media file "img.png" does not exist',
    ]);
  });
});

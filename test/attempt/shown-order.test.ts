import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordAnswers } from '../../src/attempt/batch.js';
import { finishAttempt, openNewAttempt, resumeOpenAttempt, type AttemptScope } from '../../src/attempt/lifecycle.js';
import type { Question } from '../../src/content/types.js';
import { displayOrder } from '../../src/exam/shuffle.js';
import { normalizeResponse, type Response } from '../../src/scoring/response.js';
import { AttemptStore } from '../../src/store/attempts.js';
import { openDatabase } from '../../src/store/db.js';
import { bankYaml, loadBank, tempTree } from '../helpers.js';

const resolved = loadBank(
  bankYaml(`  - id: pick
    type: single-choice
    sections: ["1"]
    prompt: Which one?
    options:
      - {id: a, text: Alpha}
      - {id: b, text: Bravo}
      - {id: c, text: Charlie}
      - {id: d, text: Delta}
    answer: c
  - id: multi
    type: multi-select
    sections: ["1"]
    prompt: Which apply?
    options:
      - {id: a, text: Alpha}
      - {id: b, text: Bravo}
      - {id: c, text: Charlie}
      - {id: d, text: Delta}
      - {id: e, text: Echo}
    answer: [a, c, e]
  - id: label
    type: label-each
    sections: ["1"]
    prompt: Label each.
    labels: [Safe, Unsafe]
    items:
      - {id: i1, text: First}
      - {id: i2, text: Second}
      - {id: i3, text: Third}
      - {id: i4, text: Fourth}
    answer: {i1: Safe, i2: Unsafe, i3: Safe, i4: Unsafe}
  - id: rank
    type: ranking
    sections: ["1"]
    prompt: Order them.
    items:
      - {id: x, text: Ex}
      - {id: y, text: Why}
      - {id: z, text: Zed}
      - {id: w, text: Double}
    answer: [w, x, y, z]
  - id: fixed
    type: single-choice
    sections: ["1"]
    prompt: Which one?
    shuffle: false
    options:
      - {id: a, text: Alpha}
      - {id: b, text: Bravo}
      - {id: c, text: All of the above}
    answer: c
`),
);

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const NOW = Date.parse('2031-01-10T10:00:00Z');

/** A fresh database; `setSettings` writes an attempt's stored settings column as a given qualify would. */
function scope(): AttemptScope & { setSettings(id: number, text: string | null): void } {
  const db = openDatabase(path.join(tempTree(), 'qualify.db'));
  opened.push(db);
  return {
    store: new AttemptStore(db),
    resolved,
    clock: () => NOW,
    setSettings: (id, text) => void db.prepare('UPDATE attempts SET settings = ? WHERE id = ?').run(text, id),
  };
}

const shownIds = (q: Question) =>
  (q.type === 'ranking' || q.type === 'label-each' ? q.items : 'options' in q ? q.options : []).map((c) => c.id);
const byId = (questions: Question[], id: string) => questions.find((q) => q.id === id)!;
const KEY: Record<string, unknown> = {
  pick: 'c',
  multi: ['a', 'c', 'e'],
  label: { i1: 'Safe', i2: 'Unsafe', i3: 'Safe', i4: 'Unsafe' },
  rank: ['w', 'x', 'y', 'z'],
  fixed: 'c',
};

describe('options in the order the attempt shows them', () => {
  it('are shuffled from the seed when the attempt starts, and that order is recorded with it', () => {
    const s = scope();
    const started = openNewAttempt(s, { mode: 'practice', seed: 11, all: true });
    const order = s.store.get(started.attemptId)!.settings!.order!;
    for (const id of ['pick', 'multi', 'label', 'rank']) {
      const shown = shownIds(byId(started.questions, id));
      expect(order[id]).toEqual(shown);
      expect(shown).toEqual(displayOrder(11, byId(resolved.bank.questions, id)));
    }
    expect(order.fixed).toBeUndefined();
    expect(shownIds(byId(started.questions, 'fixed'))).toEqual(['a', 'b', 'c']);
    // Some question of this bank is shown in an order that is not the author's.
    expect(
      started.questions.some((q) => shownIds(q).join() !== shownIds(byId(resolved.bank.questions, q.id)).join()),
    ).toBe(true);
  });

  it('are restored from the record on resume, not recomputed, even when the seed would give another order', () => {
    const s = scope();
    const started = openNewAttempt(s, { mode: 'practice', seed: 11, all: true });
    const row = s.store.get(started.attemptId)!;
    // As if the shuffle had changed since: the record says one order, the seed now gives another.
    const recorded = { ...row.settings!.order!, pick: ['d', 'b', 'a', 'c'], rank: ['z', 'y', 'x', 'w'] };
    expect(displayOrder(11, byId(resolved.bank.questions, 'pick'))).not.toEqual(recorded.pick);
    s.setSettings(started.attemptId, JSON.stringify({ version: 2, value: { ...row.settings, order: recorded } }));
    const resumed = resumeOpenAttempt(s, 'practice');
    expect(shownIds(byId(resumed.questions, 'pick'))).toEqual(['d', 'b', 'a', 'c']);
    expect(shownIds(byId(resumed.questions, 'rank'))).toEqual(['z', 'y', 'x', 'w']);
  });

  it("are the author's for an attempt recorded before options were shuffled", () => {
    const s = scope();
    const started = openNewAttempt(s, { mode: 'practice', seed: 11, all: true });
    s.setSettings(started.attemptId, null);
    const resumed = resumeOpenAttempt(s, 'practice');
    for (const q of resumed.questions) expect(shownIds(q)).toEqual(shownIds(byId(resolved.bank.questions, q.id)));
  });

  it('are listed in the shown order in the report', () => {
    const s = scope();
    const started = openNewAttempt(s, { mode: 'practice', seed: 11, all: true });
    const row = s.store.get(started.attemptId)!;
    const order = { ...row.settings!.order!, multi: ['e', 'd', 'c', 'b', 'a'], label: ['i4', 'i2', 'i3', 'i1'] };
    s.setSettings(started.attemptId, JSON.stringify({ version: 2, value: { order } }));
    const attempt = resumeOpenAttempt(s, 'practice');
    const answer = (questionId: string, raw: unknown) =>
      s.store.saveAnswer(attempt.attemptId, {
        questionId,
        response: normalizeResponse(raw)!,
        answeredAt: NOW + 60_000,
        flagged: false,
      });
    answer('multi', ['a', 'b', 'e']);
    answer('label', { i1: 'Unsafe', i3: 'Safe' });
    const report = finishAttempt(s, attempt, { mode: 'practice', status: 'submitted', endedAt: NOW + 120_000 });
    const mistake = (id: string) => report.mistakes.find((m) => m.questionId === id)!;
    // Labelled by place on screen (Echo was first), not by id.
    expect(mistake('multi').responseText).toBe('a) Echo; d) Bravo; e) Alpha');
    expect(mistake('multi').expectedText).toBe('a) Echo; c) Charlie; e) Alpha');
    expect(mistake('label').responseText).toBe(
      'Fourth -> not answered; Second -> not answered; Third -> Safe; First -> Unsafe',
    );
    expect(mistake('label').expectedText).toBe('Fourth -> Unsafe; Second -> Unsafe; Third -> Safe; First -> Safe');
  });

  it('leave answers files by option id scored as before: the key scores 100% whatever the seed', () => {
    const responses = new Map<string, Response>(Object.entries(KEY).map(([id, raw]) => [id, normalizeResponse(raw)!]));
    for (const seed of [1, 2, 3, 4, 5]) {
      const report = recordAnswers(scope(), { mode: 'practice', seed, all: true }, responses);
      expect(report.percent).toBe(100);
    }
    const wrong = new Map(responses).set('pick', normalizeResponse('a')!);
    expect(
      recordAnswers(scope(), { mode: 'practice', seed: 9, all: true }, wrong).mistakes.map((m) => m.questionId),
    ).toEqual(['pick']);
  });
});

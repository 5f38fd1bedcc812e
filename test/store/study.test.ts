import path from 'node:path';
import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { StudyStore } from '../../src/store/study.js';
import { questionCard } from '../../src/study/cards.js';
import { newCardState, reviewCard } from '../../src/study/scheduler.js';
import { tempTree } from '../helpers.js';

const T0 = Date.parse('2030-01-01T10:00:00Z');

function store() {
  const db = openDatabase(path.join(tempTree(), 'qualify.db'));
  return { db, study: new StudyStore(db) };
}

describe('the drill deck in SQLite', () => {
  it('adds a card once: adding it again keeps the schedule it has', () => {
    const { db, study } = store();
    const card = questionCard('b', 'g', 'q1', '3');
    study.addCards([{ card, state: newCardState(T0), createdAt: T0 }]);
    const reviewed = reviewCard(newCardState(T0), Rating.Good, T0 + 1000);
    study.recordReview(
      {
        cardId: card.id,
        reviewedAt: T0 + 1000,
        grade: 'good',
        correct: true,
        elapsedMs: 5000,
        response: { answer: 'b', self: [] },
        dueBefore: T0,
        dueAfter: reviewed.due,
      },
      reviewed,
    );
    study.addCards([{ card, state: newCardState(T0 + 5000), createdAt: T0 + 5000 }]);
    expect(study.cards()).toHaveLength(1);
    expect(study.card(card.id)!.due).toBe(reviewed.due);
    expect(study.card(card.id)!.state).toEqual(reviewed);
    expect(study.reviews()).toEqual([
      {
        cardId: card.id,
        reviewedAt: T0 + 1000,
        grade: 'good',
        correct: true,
        elapsedMs: 5000,
        confidence: undefined,
        response: { answer: 'b', self: [] },
        dueBefore: T0,
        dueAfter: reviewed.due,
      },
    ]);
    db.close();
  });

  it('writes a review and the new schedule together, or neither', () => {
    const { db, study } = store();
    const card = questionCard('b', 'g', 'q1', '3');
    study.addCards([{ card, state: newCardState(T0), createdAt: T0 }]);
    const later = reviewCard(newCardState(T0), Rating.Easy, T0);
    // A review of a card that is not in the deck breaks the foreign key: nothing is written.
    expect(() =>
      study.recordReview(
        {
          cardId: 'nope',
          reviewedAt: T0,
          grade: 'easy',
          correct: true,
          elapsedMs: 1,
          response: { self: [] },
          dueBefore: T0,
          dueAfter: later.due,
        },
        later,
      ),
    ).toThrow();
    expect(study.reviews()).toEqual([]);
    expect(study.card(card.id)!.due).toBe(T0);
    db.close();
  });

  it('remembers the sections read, with the latest time', () => {
    const { db, study } = store();
    study.markRead('g', '7', T0);
    study.markRead('g', '7', T0 + 10);
    study.markRead('other', '1', T0);
    expect(study.sectionsRead('g')).toEqual(new Map([['7', T0 + 10]]));
    db.close();
  });
});

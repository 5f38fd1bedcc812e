import { describe, expect, it } from 'vitest';
import { nextStep, type StudyState } from '../../src/study/next-step.js';

const NOW = Date.parse('2030-03-01T12:00:00Z');
const HOUR = 3_600_000;
const base: StudyState = {
  bankId: 'search',
  guidelineId: 'search-guide',
  now: NOW,
  dueCards: 0,
  passMark: 80,
  examsTaken: 1,
  passed: false,
};

describe('the next step', () => {
  it('drills the cards due first, with an estimate of 30 s a card rounded up to whole minutes', () => {
    expect(
      nextStep({
        ...base,
        dueCards: 12,
        weakest: { sectionId: '7', title: 'x', accuracy: 0.45, tried: 11 },
        examOpensAt: NOW + 23 * HOUR,
      }),
    ).toEqual({
      rule: 'drill-due',
      text: '12 cards due - drill (6 min)',
      command: 'qualify drill search',
    });
    expect(nextStep({ ...base, dueCards: 1 }).text).toBe('1 card due - drill (1 min)');
    expect(nextStep({ ...base, dueCards: 3 }).text).toBe('3 cards due - drill (2 min)');
  });

  it('sends the learner back to an exam in progress first, and to an open practice round after cards due', () => {
    const weak = { sectionId: '7', title: 'x', accuracy: 0.45, tried: 11 };
    expect(nextStep({ ...base, dueCards: 12, weakest: weak, openAttempt: 'exam' })).toEqual({
      rule: 'resume-exam',
      text: 'an exam is in progress and its clock is running - resume it',
      command: 'qualify exam search --resume',
    });
    expect(nextStep({ ...base, dueCards: 12, openAttempt: 'practice' }).rule).toBe('drill-due');
    expect(nextStep({ ...base, weakest: weak, openAttempt: 'practice' })).toEqual({
      rule: 'resume-practice',
      text: 'a practice round is open - finish it',
      command: 'qualify practice search --resume',
    });
    expect(nextStep({ ...base, examsTaken: 0, openAttempt: 'practice' }).rule).toBe('resume-practice');
  });

  it('with nothing due, sends the learner to the weakest section below the pass mark', () => {
    expect(
      nextStep({
        ...base,
        weakest: { sectionId: '7', title: 'Porn', accuracy: 0.45, tried: 11 },
        examOpensAt: NOW + 23 * HOUR,
      }),
    ).toEqual({
      rule: 'read-weak-section',
      text: 'Section 7 at 45% - read 7, then drill --section 7',
      command: 'qualify read search-guide 7',
    });
  });

  it('ignores a weak section tried only once, or one at the pass mark', () => {
    expect(nextStep({ ...base, weakest: { sectionId: '7', title: 'x', accuracy: 0, tried: 1 } }).rule).toBe(
      'take-exam',
    );
    expect(nextStep({ ...base, weakest: { sectionId: '7', title: 'x', accuracy: 0.8, tried: 5 } }).rule).toBe(
      'take-exam',
    );
  });

  it('during a retake wait suggests one timed practice, saying when the exam opens', () => {
    expect(nextStep({ ...base, examOpensAt: NOW + 22.2 * HOUR })).toEqual({
      rule: 'practice-before-retake',
      text: 'retake opens in 23 h - one timed practice first?',
      command: 'qualify practice search --timed',
    });
    expect(nextStep({ ...base, examOpensAt: NOW + 72 * HOUR }).text).toBe(
      'retake opens in 3 d - one timed practice first?',
    );
    expect(nextStep({ ...base, examOpensAt: NOW + 10 * 60_000 }).text).toBe(
      'retake opens in 10 min - one timed practice first?',
    );
  });

  it('says so when locked out for good, and otherwise: take the open exam, or start by reading', () => {
    expect(nextStep({ ...base, examOpensAt: null }).rule).toBe('locked-out');
    expect(nextStep({ ...base, examOpensAt: NOW - 1 })).toMatchObject({
      rule: 'take-exam',
      command: 'qualify exam search',
    });
    expect(nextStep({ ...base, examsTaken: 0 })).toMatchObject({
      rule: 'start-reading',
      command: 'qualify read search-guide',
    });
    expect(nextStep({ ...base, passed: true })).toMatchObject({ rule: 'keep-fresh' });
  });
});

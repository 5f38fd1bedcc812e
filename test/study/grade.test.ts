import { Rating, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { expectedAnswerMs, gradeAnswer } from '../../src/study/grade.js';
import { newCardState, reviewCard } from '../../src/study/scheduler.js';

const EXPECTED = 60_000;

describe('grading a drill answer into ts-fsrs', () => {
  it.each([
    ['wrong, even when fast and sure', { correct: false, elapsedMs: 5_000, confidence: 'high' as const }, Rating.Again],
    ['right but slower than expected', { correct: true, elapsedMs: 61_000, confidence: 'high' as const }, Rating.Hard],
    ['right but unsure', { correct: true, elapsedMs: 10_000, confidence: 'low' as const }, Rating.Hard],
    ['right, in time, medium sure', { correct: true, elapsedMs: 20_000, confidence: 'medium' as const }, Rating.Good],
    ['right, fast, but not asked how sure', { correct: true, elapsedMs: 20_000 }, Rating.Good],
    [
      'right, neither fast nor slow, sure',
      { correct: true, elapsedMs: 45_000, confidence: 'high' as const },
      Rating.Good,
    ],
    [
      'right, fast (half the time) and sure',
      { correct: true, elapsedMs: 30_000, confidence: 'high' as const },
      Rating.Easy,
    ],
  ])('%s', (_name, facts, grade) => {
    expect(gradeAnswer({ ...facts, expectedMs: EXPECTED })).toBe(grade);
  });

  it('shares the exam time over the questions drawn; a question of its own keeps its limit', () => {
    expect(expectedAnswerMs(45 * 60_000, 25)).toBe(108_000);
    expect(expectedAnswerMs(45 * 60_000, 25, 30_000)).toBe(30_000);
    expect(expectedAnswerMs(undefined, 25)).toBe(60_000);
  });

  it('schedules a card later the better the grade, and a lapse brings it back within the day', () => {
    const start = Date.parse('2030-01-01T10:00:00Z');
    const fresh = newCardState(start);
    expect(fresh.due).toBe(start);
    const grades: Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
    const dues = grades.map((g) => reviewCard(fresh, g, start).due);
    expect(dues[0]!).toBeGreaterThan(start);
    for (let i = 1; i < dues.length; i++) expect(dues[i]!).toBeGreaterThan(dues[i - 1]!);
    // Easy on a new card graduates it at once: due a day or more later.
    expect(dues[3]! - start).toBeGreaterThanOrEqual(24 * 3_600_000);
    const learned = reviewCard(reviewCard(fresh, Rating.Good, start), Rating.Good, start + 10 * 60_000);
    expect(learned.due - start).toBeGreaterThanOrEqual(24 * 3_600_000);
    const lapsed = reviewCard(learned, Rating.Again, learned.due);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due - learned.due).toBeLessThan(24 * 3_600_000);
  });
});

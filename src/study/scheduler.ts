import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';

/**
 * ts-fsrs glue: a card's FSRS state as stored (dates as milliseconds, so it round-trips through
 * JSON), and one review. Fuzz is off so the same history always gives the same schedule.
 */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

const scheduler = fsrs({ enable_fuzz: false });

function toCard(state: CardState): Card {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.lastReview === null ? undefined : new Date(state.lastReview),
  };
}

function fromCard(card: Card): CardState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** A card never reviewed, due at once. */
export function newCardState(at: number): CardState {
  return fromCard(createEmptyCard(new Date(at)));
}

/** The card after one review with this grade at this time. */
export function reviewCard(state: CardState, grade: Grade, at: number): CardState {
  return fromCard(scheduler.next(toCard(state), new Date(at), grade).card);
}

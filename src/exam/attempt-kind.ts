import type { DisplayOrder } from './shuffle.js';

/**
 * What kind of attempt a learner takes and where it stands: domain words, used by the attempt
 * lifecycle, the report model and the store that records them (the store imports them from here).
 */

/** A counted exam (under the retake policy) or a practice round (never counted). */
export type AttemptMode = 'exam' | 'practice';

/** Where an attempt stands: open, or closed in one of three ways. */
export type AttemptStatus = 'in_progress' | 'submitted' | 'expired' | 'abandoned';

/** How a closed attempt ended. */
export type EndStatus = Exclude<AttemptStatus, 'in_progress'>;

/**
 * How an attempt was started, stored with it: a resume asks the same way, and the study figures
 * know how it ran. The one place to extend when an attempt gains a setting.
 */
export interface AttemptSettings {
  /** "How sure?" after each answer. */
  confidence?: boolean;
  /** Practice with the bank's clocks; practice is untimed without it. */
  timed?: boolean;
  /** The answers came as a stream of JSON lines: no screen, so no timing. */
  driver?: 'stream';
  /**
   * The order each question's options or items were shown in, computed when the attempt started
   * (see shuffle.ts). Absent in attempts recorded before options were shuffled: the author's order.
   */
  order?: DisplayOrder;
}

import { UsageError } from '../errors.js';
import type { AttemptMode } from '../exam/attempt-kind.js';
import type { Question } from '../content/types.js';
import { examSummary } from '../report/render/json.js';
import { checkResponse } from './answers.js';
import type { BatchRequest } from './batch.js';
import {
  finishAttempt,
  openNewAttempt,
  resumeOpenAttempt,
  settleOpenPractice,
  type AttemptScope,
  type StartedAttempt,
} from './lifecycle.js';
import { attemptMessages as messages } from './messages.js';

/** Longest JSON line accepted on the answer stream. */
export const MAX_STREAM_LINE = 1024 * 1024;

/** One JSON line the stream writes: started, ack, error or result. */
export type StreamEvent = Record<string, unknown>;

/** What one input line did: the events to write, and whether the attempt is now closed. */
export interface StreamStep {
  events: StreamEvent[];
  done: boolean;
}

/**
 * The drivable exam: one JSON object per line (`{"id": "se-001", "answer": "b"}`, with the answers
 * file's full-form keys allowed; `{"submit": true}` ends it), one event per line back. An answer
 * is acknowledged only after its transaction committed. Input ending without a submit leaves the
 * attempt in progress, to be continued with --resume.
 */
export class AnswerStream {
  private readonly byId: Map<string, Question>;

  private constructor(
    private readonly scope: AttemptScope,
    private readonly mode: AttemptMode,
    readonly attempt: StartedAttempt,
  ) {
    this.byId = new Map(attempt.questions.map((q) => [q.id, q]));
  }

  /** Opens the stream's attempt: a new one, or the one in progress with `resume`. */
  static open(scope: AttemptScope, request: BatchRequest): AnswerStream {
    const { mode } = request;
    // Opening is one instant, read once; the answers then arrive on the running clock.
    const at = scope.clock();
    const opening: AttemptScope = { ...scope, clock: () => at };
    // A bank keeps one open practice round, and a stream may leave its round open.
    if (mode === 'practice' && !request.resume && settleOpenPractice(opening))
      throw new UsageError(messages.practiceRoundOpen(scope.resolved.bank.id));
    const attempt = request.resume
      ? resumeOpenAttempt(opening, mode)
      : openNewAttempt(opening, { ...request, settings: { driver: 'stream' } });
    return new AnswerStream(scope, mode, attempt);
  }

  /** The first event: the attempt, its questions, the answers it already has and its deadline. */
  started(): StreamEvent {
    const { attempt } = this;
    return {
      event: 'started',
      attemptId: attempt.attemptId,
      mode: this.mode,
      questions: [...this.byId.keys()],
      answered: this.scope.store.answers(attempt.attemptId).map((a) => a.questionId),
      deadlineAt: attempt.deadlineAt === undefined ? null : new Date(attempt.deadlineAt).toISOString(),
    };
  }

  /** Closes the attempt as expired when its time ran out: the result event, else undefined. */
  expireIfLapsed(): StreamEvent | undefined {
    const { deadlineAt } = this.attempt;
    if (deadlineAt === undefined || this.scope.clock() < deadlineAt) return undefined;
    return this.finish('expired', deadlineAt);
  }

  /** One line of input, numbered from 1. */
  line(text: string, lineNumber: number): StreamStep {
    const event = (e: StreamEvent): StreamStep => ({ events: [e], done: e.event === 'result' });
    if (!text.trim()) return { events: [], done: false };
    const expired = this.expireIfLapsed();
    if (expired) return event(expired);
    const problem = (message: string) => event({ event: 'error', line: lineNumber, message });
    if (text.length > MAX_STREAM_LINE) return problem(messages.streamLineTooLong);
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return problem(messages.streamNotJson);
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message))
      return problem(messages.streamNotObject);
    const { id, submit, ...response } = message as Record<string, unknown>;
    if (submit === true) return event(this.finish('submitted', this.scope.clock()));
    const question = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!question) return problem(messages.streamUnknownQuestion(typeof id === 'string' ? id : JSON.stringify(id)));
    const checked = checkResponse(question, response);
    if ('problem' in checked) return problem(checked.problem);
    if (!checked.response) return problem(messages.streamNoResponse(question.id));
    this.scope.store.saveAnswer(this.attempt.attemptId, {
      questionId: question.id,
      response: checked.response,
      answeredAt: this.scope.clock(),
      flagged: false,
    });
    return event({ event: 'ack', id: question.id, attemptId: this.attempt.attemptId });
  }

  /** Input ended before a submit: the attempt stays in progress. */
  endedWithoutSubmit(): UsageError {
    return new UsageError(messages.streamEndedWithoutSubmit(this.scope.resolved.bank.id, this.mode));
  }

  private finish(status: 'submitted' | 'expired', endedAt: number): StreamEvent {
    const report = finishAttempt(this.scope, this.attempt, { mode: this.mode, status, endedAt });
    return { event: 'result', ...examSummary(report) };
  }
}

/**
 * A whole stream: opens the attempt, then one step per line of `input()` (asked for once the
 * attempt is open) until a submit or the time limit closes it, each event written to `emit` as
 * it happens. Input ending without a submit leaves the attempt in progress, and throws.
 */
export async function runAnswerStream(
  scope: AttemptScope,
  request: BatchRequest,
  input: () => AsyncIterable<string>,
  emit: (event: StreamEvent) => void,
): Promise<void> {
  const stream = AnswerStream.open(scope, request);
  emit(stream.started());
  const expired = stream.expireIfLapsed();
  if (expired) return emit(expired);
  let lineNumber = 0;
  for await (const line of input()) {
    const step = stream.line(line, ++lineNumber);
    step.events.forEach(emit);
    if (step.done) return;
  }
  throw stream.endedWithoutSubmit();
}

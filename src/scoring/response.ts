/** How sure the learner was (certainty-based marking). */
export type Confidence = 'low' | 'medium' | 'high';

/** One answer as given, whatever the question type. */
export interface Response {
  /** The answer in the key's shape (option id, list, boolean, label, mapping); free text uses `text`. */
  answer?: unknown;
  /** The written answer of a free-text question. */
  text?: string;
  rationale?: string;
  confidence?: Confidence;
  /** Ids of self-assessed rubric criteria the learner says hold. */
  self: string[];
  /**
   * Saved while the learner was still answering (free text being typed, a label-each question
   * with items still unlabelled). It is scored as it stands, but the question is not done yet.
   */
  unfinished?: boolean;
  /** Practice: whether the first answer given was fully right (a second try keeps it false). */
  firstTryCorrect?: boolean;
}

/** A response that says something: an answer, or written text that is not only blank. */
export function hasAnswer(response: Response | undefined): boolean {
  return response !== undefined && (response.answer !== undefined || (response.text ?? '').trim() !== '');
}

/** A question the learner has finished answering (a draft or a half-labelled one is not). */
export function isAnswered(response: Response | undefined): boolean {
  return hasAnswer(response) && !response!.unfinished;
}

const FULL_FORM_KEYS = ['answer', 'text', 'rationale', 'confidence', 'self'];

/**
 * Accepts a response as written in an answers file: either the key's shape (`b`, `[a, c]`,
 * `{i1: Positive}`) or the full form `{answer, text, rationale, confidence, self}`.
 * Returns undefined for "no response".
 */
export function normalizeResponse(raw: unknown): Response | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'object' && !Array.isArray(raw) && FULL_FORM_KEYS.some((k) => k in raw)) {
    const full = raw as Record<string, unknown>;
    return {
      answer: full.answer ?? undefined,
      text: typeof full.text === 'string' ? full.text : undefined,
      rationale: typeof full.rationale === 'string' ? full.rationale : undefined,
      confidence: isConfidence(full.confidence) ? full.confidence : undefined,
      self: Array.isArray(full.self) ? full.self.map(String) : [],
    };
  }
  return { answer: raw, self: [] };
}

export function isConfidence(value: unknown): value is Confidence {
  return value === 'low' || value === 'medium' || value === 'high';
}

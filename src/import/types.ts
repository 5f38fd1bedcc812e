/** A question converted from another format, in bank-file shape except for its sections. */
export interface DraftQuestion {
  /** Where it starts in the source file (1-based), for reports. */
  line: number;
  /** The category it was filed under in the source, if any (GIFT `$CATEGORY:`). */
  category?: string;
  /** The question in bank YAML shape, without `id` and `sections` (the bank builder adds them). */
  fields: Record<string, unknown>;
}

/** Something in the source that did not become a question, and why. */
export interface Skipped {
  line: number;
  /** When known (a syntax error), 1-based. */
  column?: number;
  reason: string;
}

export interface ConversionResult {
  questions: DraftQuestion[];
  skipped: Skipped[];
}

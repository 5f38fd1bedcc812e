import v8 from 'node:v8';
import type { ByteSource } from './cache.js';
import type { Bank, Question } from './types.js';

/**
 * A remembered bank's questions, each serialized on its own (see cache.ts, whose entries hold
 * this). Building every question of a 10,000-question bank takes longer than the rest of an exam
 * (about 150 ms, and a hundred megabytes at a hundred thousand questions), while an exam uses 50
 * of them and `history` only those that were asked. So a question read back from here is built
 * when something first looks inside it; its id alone is known at once, which is all that
 * drawing an exam and looking questions up by id need.
 */
export interface PackedQuestions {
  ids: string[];
  /** Where each question's `v8.serialize` bytes end in the bytes kept with this (the next one's start). */
  ends: Offsets;
  /** Every media file the questions name, so they are checked on disk without building a question. */
  media: MediaRef[];
}

/**
 * Places in bytes or text, kept as a typed array: `v8` writes and reads one as its bytes at once,
 * where ten thousand numbers in a plain array took a third of the time a big bank's entry took to
 * read, on every command that loads it. 32 bits are enough: a bank is at most 64 MB of text
 * (MAX_BANK_BYTES), its packed questions a few times that; and read back, each is a small
 * integer to V8, never a number it must allocate.
 */
export type Offsets = Uint32Array;

/** Offsets of `length`, each at least the one before (`strictly`: greater, and the first above 0). */
export function isOffsets(value: unknown, length: number, strictly = false): value is Offsets {
  if (!(value instanceof Uint32Array) || value.length !== length) return false;
  let before = strictly ? 0 : -1;
  for (let i = 0; i < value.length; i++) {
    const at = value[i]!;
    if (strictly ? at <= before : at < before) return false;
    before = at;
  }
  return true;
}

/** One media file of one question (see library/load.ts, which checks it is still there). */
export interface MediaRef {
  /** The question's place in the bank. */
  question: number;
  questionId: string;
  /** Its place in the question's `media` list in the file. */
  media: number;
  path: string;
  resolvedPath: string;
}

/** The media files a bank's questions name, in order. */
export function mediaRefs(questions: readonly Question[]): MediaRef[] {
  return questions.flatMap((question, q) =>
    question.media.map((media) => ({
      question: q,
      questionId: question.id,
      media: media.index,
      path: media.path,
      resolvedPath: media.resolvedPath,
    })),
  );
}

/** The questions' index (kept as a value) and their bytes (kept beside it, see cache.ts). */
export function packQuestions(questions: readonly Question[]): { packed: PackedQuestions; bytes: Uint8Array } {
  const parts = questions.map((question) => v8.serialize(question));
  const ends = new Uint32Array(parts.length);
  let end = 0;
  parts.forEach((part, i) => (ends[i] = end += part.length));
  const packed = { ids: questions.map((q) => q.id), ends, media: mediaRefs(questions) };
  return { packed, bytes: Buffer.concat(parts) };
}

/** Whether `value` is an index of questions whose bytes are `bytes`. */
export function isPackedQuestions(value: unknown, bytes: ByteSource): value is PackedQuestions {
  const v = value as Partial<PackedQuestions> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.ids) &&
    v.ids.every((id) => typeof id === 'string') &&
    isOffsets(v.ends, v.ids.length, true) &&
    (v.ends.at(-1) ?? 0) === bytes.length &&
    Array.isArray(v.media)
  );
}

/**
 * The questions, each built from its bytes when first looked inside. They behave as the plain
 * objects they stand for (reading, `in`, `Object.keys`, spreading, JSON, writing), because every
 * operation but reading the id is passed to the question once built.
 */
export function unpackQuestions(packed: PackedQuestions, bytes: ByteSource): Question[] {
  return new PackedQuestionList(packed, bytes).all();
}

/** Packed questions in order, each standing in (see unpackQuestions) from when it is first asked for. */
export class PackedQuestionList implements QuestionList {
  private readonly built: (Question | undefined)[] = [];
  private readonly standIns: (Question | undefined)[] = [];
  private readonly handler: ProxyHandler<Slot>;

  constructor(
    private readonly packed: PackedQuestions,
    bytes: ByteSource,
  ) {
    const question = ({ i }: Slot) =>
      (this.built[i] ??= v8.deserialize(bytes.slice(i ? packed.ends[i - 1]! : 0, packed.ends[i]!)) as Question);
    // One handler for all: a hundred thousand questions cost a small object and a proxy each.
    this.handler = {
      get: (slot, key): unknown => (key === 'id' ? packed.ids[slot.i] : Reflect.get(question(slot), key)),
      set: (slot, key, value) => Reflect.set(question(slot), key, value),
      has: (slot, key) => Reflect.has(question(slot), key),
      ownKeys: (slot) => Reflect.ownKeys(question(slot)),
      getOwnPropertyDescriptor: (slot, key) => Reflect.getOwnPropertyDescriptor(question(slot), key),
      defineProperty: (slot, key, descriptor) => Reflect.defineProperty(question(slot), key, descriptor),
      deleteProperty: (slot, key) => Reflect.deleteProperty(question(slot), key),
    };
  }

  get length(): number {
    return this.packed.ids.length;
  }

  at(i: number): Question {
    return (this.standIns[i] ??= new Proxy({ i }, this.handler) as unknown as Question);
  }

  /** Every question (the ones asked for one by one before are the same objects). */
  all(): Question[] {
    return this.packed.ids.map((_, i) => this.at(i));
  }
}

/** What a packed question's proxy stands on: its place (never seen through the proxy). */
interface Slot {
  i: number;
}

/** A bank without its questions, as a remembered entry keeps it beside the packed questions. */
export type BankWithoutQuestions = Omit<Bank, 'questions'>;

/** The bank with these questions, its keys in the order a bank read afresh has them (`questions` before `file`). */
export function withQuestions(bank: BankWithoutQuestions, questions: Question[]): Bank {
  const { file, ...head } = bank;
  return { ...head, questions, file };
}

/** A bank's questions in order, as far as drawing an exam needs them. */
export interface QuestionList {
  readonly length: number;
  at(i: number): Question;
}

/** Where a bank whose questions are built when used keeps their list (not enumerable: spreads leave it). */
const LIST = Symbol('questions, one at a time');

/**
 * The bank with the questions `list()` holds, asked for when `questions` is first read (a
 * command that reads none of them builds none); spread, `in` and its keys see them as usual.
 * `questionList` reads them one at a time without building the array: drawing fifty questions
 * from ten thousand built a stand-in for each of the ten thousand (8 ms of every exam).
 */
export function withQuestionsWhenUsed(bank: BankWithoutQuestions, list: () => PackedQuestionList): Bank {
  const whole = withQuestions(bank, []);
  let opened: PackedQuestionList | undefined;
  const settle = (value: Question[]) => {
    delete (whole as { [LIST]?: unknown })[LIST];
    return Object.defineProperty(whole, 'questions', { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(whole, 'questions', {
    get: () => {
      const built = (opened ??= list()).all();
      settle(built);
      return built;
    },
    set: settle,
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(whole, LIST, { value: () => (opened ??= list()), configurable: true });
  return whole;
}

/** The bank's questions in order: one at a time while they are not built (see withQuestionsWhenUsed). */
export function questionList(bank: Bank): QuestionList {
  const list = (bank as { [LIST]?: () => QuestionList })[LIST];
  if (list) return list();
  const { questions } = bank;
  return { length: questions.length, at: (i) => questions[i]! };
}

export function withoutQuestions(bank: Bank): BankWithoutQuestions {
  const rest: Partial<Bank> = { ...bank };
  delete rest.questions;
  return rest as BankWithoutQuestions;
}

import type { CardKind, CardRef, DueCard } from '../study/cards.js';
import type { CardState } from '../study/scheduler.js';
import type { Confidence, Response } from '../scoring/response.js';
import type { DB } from './db.js';

/** A card as stored: where it comes from, its FSRS state, and when it is due. */
export interface StoredCard extends DueCard {
  state: CardState;
  createdAt: number;
}

/** One drill answer, as logged. */
export interface Review {
  cardId: string;
  reviewedAt: number;
  grade: string;
  correct: boolean;
  elapsedMs: number;
  confidence?: Confidence;
  response: Response;
  dueBefore: number;
  dueAfter: number;
}

interface CardRow {
  id: string;
  kind: CardKind;
  bank_id: string;
  guideline_id: string;
  section_id: string;
  ref: string;
  state: string;
  due_at: number;
  created_at: number;
}

const fromRow = (r: CardRow): StoredCard => ({
  id: r.id,
  kind: r.kind,
  bankId: r.bank_id,
  guidelineId: r.guideline_id,
  sectionId: r.section_id,
  ref: r.ref,
  state: JSON.parse(r.state) as CardState,
  due: r.due_at,
  createdAt: r.created_at,
});

/** The drill deck, its review log, and the sections read. */
export class StudyStore {
  private readonly statements;

  constructor(private readonly db: DB) {
    this.statements = {
      addCard: db.prepare(`INSERT OR IGNORE INTO study_cards
        (id, kind, bank_id, guideline_id, section_id, ref, state, due_at, created_at)
        VALUES (@id, @kind, @bankId, @guidelineId, @sectionId, @ref, @state, @due, @createdAt)`),
      cards: db.prepare('SELECT * FROM study_cards ORDER BY due_at, id'),
      card: db.prepare('SELECT * FROM study_cards WHERE id = ?'),
      update: db.prepare('UPDATE study_cards SET state = ?, due_at = ? WHERE id = ?'),
      log: db.prepare(`INSERT INTO study_reviews
        (card_id, reviewed_at, grade, correct, elapsed_ms, confidence, response, due_before, due_after)
        VALUES (@cardId, @reviewedAt, @grade, @correct, @elapsedMs, @confidence, @response, @dueBefore, @dueAfter)`),
      reviews: db.prepare('SELECT * FROM study_reviews ORDER BY reviewed_at, id'),
      markRead: db.prepare(`INSERT INTO sections_read (guideline_id, section_id, read_at) VALUES (?, ?, ?)
        ON CONFLICT (guideline_id, section_id) DO UPDATE SET read_at = excluded.read_at`),
      sectionsRead: db.prepare('SELECT section_id, read_at FROM sections_read WHERE guideline_id = ?'),
    };
  }

  /** Adds the cards not in the deck yet (a card already there keeps its schedule). */
  addCards(cards: readonly { card: CardRef; state: CardState; createdAt: number }[]): void {
    this.db.transaction(() => {
      for (const { card, state, createdAt } of cards)
        this.statements.addCard.run({ ...card, state: JSON.stringify(state), due: state.due, createdAt });
    })();
  }

  cards(): StoredCard[] {
    return (this.statements.cards.all() as CardRow[]).map(fromRow);
  }

  card(id: string): StoredCard | undefined {
    const row = this.statements.card.get(id) as CardRow | undefined;
    return row && fromRow(row);
  }

  /** The card's new schedule and the review that set it, in one transaction: both or neither. */
  recordReview(review: Review, state: CardState): void {
    this.db.transaction(() => {
      this.statements.update.run(JSON.stringify(state), state.due, review.cardId);
      this.statements.log.run({
        ...review,
        correct: review.correct ? 1 : 0,
        confidence: review.confidence ?? null,
        response: JSON.stringify(review.response),
      });
    })();
  }

  reviews(): Review[] {
    const rows = this.statements.reviews.all() as {
      card_id: string;
      reviewed_at: number;
      grade: string;
      correct: number;
      elapsed_ms: number;
      confidence: string | null;
      response: string;
      due_before: number;
      due_after: number;
    }[];
    return rows.map((r) => ({
      cardId: r.card_id,
      reviewedAt: r.reviewed_at,
      grade: r.grade,
      correct: r.correct === 1,
      elapsedMs: r.elapsed_ms,
      confidence: (r.confidence ?? undefined) as Confidence | undefined,
      response: JSON.parse(r.response) as Response,
      dueBefore: r.due_before,
      dueAfter: r.due_after,
    }));
  }

  markRead(guidelineId: string, sectionId: string, at: number): void {
    this.statements.markRead.run(guidelineId, sectionId, at);
  }

  sectionsRead(guidelineId: string): Map<string, number> {
    const rows = this.statements.sectionsRead.all(guidelineId) as { section_id: string; read_at: number }[];
    return new Map(rows.map((r) => [r.section_id, r.read_at]));
  }
}

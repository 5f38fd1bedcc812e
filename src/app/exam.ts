import { parseAnswersFile, type AnswersText } from '../attempt/answers.js';
import { rememberedAnswers } from '../attempt/answers-memo.js';
import { recordAnswers, type BatchRequest } from '../attempt/batch.js';
import { conceptMemo } from '../attempt/concept-memo.js';
import type { Clock } from '../attempt/lifecycle.js';
import { runAnswerStream, type StreamEvent } from '../attempt/stream.js';
import { contentOf, reportStudy } from '../attempt/study-data.js';
import type { Diagnostic } from '../content/diagnostic.js';
import type { ResolvedBank } from '../content/types.js';
import type { ContentSelection } from '../library/select.js';
import { examSummary, renderJson } from '../report/render/json.js';
import { withStore } from './open.js';
import { type Workspace } from './workspace.js';

/** Where an answers-file attempt reports: the clock, the width and colour of its report, and stderr for notices. */
export interface BatchRun {
  clock: Clock;
  color: boolean;
  width: number;
  err: (text: string) => void;
}

/**
 * A whole attempt from an answers file, as one transaction (see attempt/batch.ts). The file's
 * warnings go to `warn`, then `request()` is asked for; returns the report to print: the JSON
 * summary, or the text report with its study part.
 */
export async function attemptFromAnswers(
  options: Workspace,
  { selection, resolved }: { selection: ContentSelection; resolved: ResolvedBank },
  input: AnswersText,
  request: () => BatchRequest,
  run: BatchRun & { json: boolean; warn: (warning: Diagnostic) => void; commandFor?: (owner: string) => string },
): Promise<string> {
  const answers = rememberedAnswers(
    selection.cache,
    resolved,
    input,
    () =>
      parseAnswersFile(
        input,
        resolved.bank,
        // Every bank is read only to name the one a mistaken answers file was written for.
        () => [...selection.loadAll().banks.values()].map((b) => b.bank),
        run.commandFor,
      ),
    contentOnDisk(selection, resolved),
  );
  answers.warnings.forEach(run.warn);
  const { json, clock } = run;
  const batch = request();
  const verdicts = selection.cache && conceptMemo(selection.cache);
  // The text report's view (its charts and their packages) is loaded for it alone: --json draws none.
  const view = json ? undefined : await import('../ui/report-view.js');
  return withStore(
    options,
    ({ db, store }) => {
      const report = recordAnswers({ store, resolved, clock, json, judge: verdicts?.judge }, batch, answers.responses);
      verdicts?.save();
      if (!view) return renderJson(examSummary(report));
      const study = reportStudy({ db, store, content: contentOf(resolved) }, report, clock());
      return view.reportAs('text', report, study, { color: run.color, width: run.width });
    },
    'write',
    run.err,
  );
}

/**
 * The bank's file and its guideline's as they are on disk now, from the content index's current
 * record of the bank (undefined without one, as for a bank with a broken question).
 */
function contentOnDisk(selection: ContentSelection, { bank, guideline }: ResolvedBank): string | undefined {
  const record = selection.byFile(bank.file);
  if (record?.id !== bank.id || record.guideline?.file !== guideline.file) return undefined;
  return [record.stamp, record.guideline.file, record.guideline.stamp].join('\u0000');
}

/**
 * `--answers - --stream`: an attempt driven line by line (see attempt/stream.ts); `request()` is
 * asked for once the database is open.
 */
export function streamAttempt(
  options: Workspace,
  { selection, resolved }: { selection: ContentSelection; resolved: ResolvedBank },
  request: () => BatchRequest,
  run: { clock: Clock; err: (text: string) => void },
  input: () => AsyncIterable<string>,
  emit: (event: StreamEvent) => void,
): Promise<void> {
  const verdicts = selection.cache && conceptMemo(selection.cache);
  return withStore(
    options,
    async ({ store }) => {
      const scope = { store, resolved, clock: run.clock, json: true, judge: verdicts?.judge };
      await runAnswerStream(scope, request(), input, emit);
      verdicts?.save();
    },
    'write',
    run.err,
  );
}

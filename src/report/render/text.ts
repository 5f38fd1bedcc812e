import { sanitize } from '../../text/sanitize.js';
import { wrapLines } from '../../text/wrap.js';
import { formatWhen, makeTheme } from '../../text/theme.js';
import type { Mistake, ReportModel } from '../model.js';

export interface TextOptions {
  color: boolean;
  width: number;
}

const num = (n: number) => String(Math.round(n * 100) / 100);
const truncate = (text: string, room: number) => (text.length > room ? `${text.slice(0, room - 1)}…` : text);

/** Groups mistakes under the first section each one tests, in the order of the sections table. */
export function mistakesBySection(report: ReportModel): { id: string; title: string; mistakes: Mistake[] }[] {
  const groups = new Map<string, { id: string; title: string; mistakes: Mistake[] }>();
  const order = report.sections.map((s) => s.id);
  for (const mistake of report.mistakes) {
    const first = mistake.sections[0] ?? { id: '?', title: 'Unsorted' };
    const group = groups.get(first.id) ?? { ...first, mistakes: [] };
    group.mistakes.push(mistake);
    groups.set(first.id, group);
  }
  return [...groups.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/** The mistake report for a terminal: score, sections table, mistakes by section, study plan. */
export function renderText(report: ReportModel, options: TextOptions): string {
  const c = makeTheme(options.color);
  const width = Math.max(40, Math.min(options.width, 100));
  const s = (text: string) => sanitize(text);
  /** One printed line (its text may hold several), wrapped to the width and continued at `hang`. */
  const wrap = (line: string, hang: number) =>
    wrapLines(line.replace(/\n/g, `\n${' '.repeat(hang)}`), width, { hang }).join('\n');
  const field = (label: string, text: string) => wrap(`    ${c.dim(label.padEnd(13))} ${s(text)}`, 18);
  const out: string[] = [];

  const verdict = report.passed ? c.green.bold('PASSED') : c.red.bold('NOT PASSED');
  out.push(wrap(c.bold(s(report.bank.title)), 0));
  out.push(
    wrap(
      c.dim(
        `${report.mode === 'exam' ? 'Exam' : 'Practice'} · attempt ` +
          `#${report.attemptId}${report.seed == null ? '' : ` · seed ${report.seed}`}` +
          (report.status === 'expired' ? ' · time ran out' : ''),
      ),
      2,
    ),
  );
  out.push(
    wrap(
      `Score ${num(report.score)} / ${num(report.maxScore)} (${report.percent}%) · pass mark ${report.passMark}% ` +
        `· ${verdict}`,
      2,
    ),
  );
  out.push(
    wrap(
      c.dim(
        `${report.answeredCount} of ${report.questionCount} question${report.questionCount === 1 ? '' : 's'} ` +
          `answered · guideline: ${s(report.guideline.title)}`,
      ),
      2,
    ),
  );
  for (const miss of report.criticalMisses) {
    out.push(wrap(c.red(`Critical error on ${miss.questionId}: ${s(miss.text)} — this alone fails the exam.`), 2));
  }
  for (const min of report.sectionMinimums.filter((m) => !m.met)) {
    out.push(wrap(c.red(`Section ${min.id} ${s(min.title)}: ${min.percent}% where ${min.required}% is required.`), 2));
  }

  if (report.sections.length) {
    out.push('', c.bold('Sections'));
    const idWidth = Math.max(...report.sections.map((x) => x.id.length), 2);
    for (const section of report.sections) {
      const mark = section.lost > 0 ? c.red(`−${num(section.lost)}`) : c.green('ok');
      const room = Math.min(40, width - idWidth - 28);
      const title = truncate(s(section.title), room);
      out.push(
        `  ${section.id.padEnd(idWidth)}  ${title.padEnd(room)}  ` +
          `${`${num(section.earned)}/${num(section.max)}`.padStart(9)}  ${mark}`,
      );
    }
  }

  if (report.mistakes.length) {
    out.push('', c.bold(`Mistakes (${report.mistakes.length})`));
    for (const group of mistakesBySection(report)) {
      out.push('', wrap(c.cyan.bold(`§ ${group.id} ${s(group.title)}`), 2));
      for (const m of group.mistakes) {
        const critical = m.critical ? c.red(' CRITICAL') : '';
        // Older stored reports have no `answered`: they count as answered.
        const unanswered = m.answered === false ? c.yellow(' NOT ANSWERED') : '';
        out.push(
          wrap(
            `  ${c.bold(m.questionId)} ${c.dim(`(${num(m.earned)}/${num(m.max)})`)}${critical}${unanswered} ` +
              `${s(m.prompt)}`,
            4,
          ),
        );
        out.push(field('Your answer', m.responseText));
        out.push(field('Expected', m.expectedText));
        if (m.sections.length > 1) out.push(field('Sections', m.sections.map((x) => `${x.id} ${x.title}`).join('; ')));
        for (const rule of m.rules) out.push(field(`Rule ${rule.id}`, rule.text));
        for (const note of m.feedback) out.push(field('On your pick', note));
        if (m.explanation) out.push(field('Why', m.explanation));
        for (const criterion of m.missedCriteria.filter((x) => x.id !== 'key')) {
          const pts =
            criterion.points < 0 ? `${criterion.points}` : `${num(criterion.earned)}/${num(criterion.points)}`;
          out.push(field(criterion.points < 0 ? 'Pitfall' : 'Missed', `${criterion.text} (${pts})`));
        }
      }
    }
  } else {
    out.push('', c.green('No mistakes.'));
  }

  if (report.confidence.length) {
    out.push('', c.bold('Confidence'));
    for (const row of report.confidence) {
      out.push(`  ${row.confidence.padEnd(6)}  ${row.correct} of ${row.answered} fully right`);
    }
  }

  if (report.firstTry) {
    const { answered, correct, retried } = report.firstTry;
    out.push(
      '',
      wrap(
        `${c.bold('First try')}  ${correct} of ${answered} right at the first ` +
          `try${retried.length ? ` · tried again: ${retried.join(', ')}` : ''}`,
        2,
      ),
    );
  }

  if (report.studyPlan.length) {
    out.push('', c.bold('Study plan — re-read these sections first'));
    // Continuation lines hang under the section id, past the "1. " of the list.
    report.studyPlan.forEach((item, i) =>
      out.push(wrap(`  ${i + 1}. ${item.sectionId} ${s(item.title)} — ${item.reason}`, 5)),
    );
  }
  if (report.mode === 'exam' && report.nextAttemptAt) {
    out.push('', wrap(c.yellow(`Next exam attempt available: ${formatWhen(report.nextAttemptAt)}`), 2));
  }
  return out.join('\n') + '\n';
}

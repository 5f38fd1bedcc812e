import { formatWhen } from '../../text/theme.js';
import type { Mistake, ReportModel } from '../model.js';
import { escapeHtml as e, htmlPage, htmlTable } from './html-page.js';
import { barChart, trendChart, type TrendPoint } from './svg-chart.js';
import { mistakesBySection } from './text.js';

export interface HtmlReportOptions {
  /** Every finished attempt at the same bank up to this one, oldest first, for the trend chart. */
  trend: readonly TrendPoint[];
  /** What to do next, worked out from the learner's data (the study loop), shown at the end. */
  nextStep?: { text: string; command: string } | null;
}

const num = (n: number) => String(Math.round(n * 100) / 100);
const share = (earned: number, max: number) => (max > 0 ? (100 * earned) / max : 0);

function mistakeHtml(m: Mistake): string {
  const rows: [string, string][] = [
    ['Your answer', m.responseText],
    ['Expected', m.expectedText],
    ...m.rules.map((r): [string, string] => [`Rule ${r.id}`, r.text]),
    ...m.feedback.map((f): [string, string] => ['On your pick', f]),
    ...(m.explanation ? [['Why', m.explanation] as [string, string]] : []),
    ...m.missedCriteria
      .filter((c) => c.id !== 'key')
      .map((c): [string, string] => [c.points < 0 ? 'Pitfall' : 'Missed', `${c.text} (${c.points})`]),
  ];
  return (
    `<article class="mistake" id="q-${e(m.questionId)}">` +
    `<h4>${e(m.questionId)} <span class="note">${num(m.earned)} / ${num(m.max)} ` +
    `point${m.max === 1 ? '' : 's'}</span>${m.critical ? ' <span class="flag">critical</span>' : ''}</h4>` +
    `<div class="prompt">${e(m.prompt)}</div>` +
    `<dl>${rows.map(([label, text]) => `<dt>${e(label)}</dt><dd>${e(text)}</dd>`).join('')}</dl></article>`
  );
}

/**
 * The mistake report as one self-contained HTML page, to send to a study group or print: score,
 * section bars against the pass mark, the trend over attempts, confidence, every mistake.
 */
export function renderHtml(report: ReportModel, options: HtmlReportOptions): string {
  const out: string[] = [];
  const mode = report.mode === 'exam' ? 'Exam' : 'Practice';
  out.push(`<header><h1>${e(report.bank.title)}</h1>`);
  out.push(
    `<p class="meta">${mode} · attempt #${report.attemptId}${report.seed == null ? '' : ` · seed ${report.seed}`} ` +
      `· ${e(report.guideline.title)} · ` +
      `${e(formatWhen(report.endedAt))}${report.status === 'expired' ? ' · time ran out' : ''}</p>`,
  );
  out.push(
    `<p><span class="verdict ${report.passed ? 'pass' : 'fail'}">${report.passed ? 'Passed' : 'Not passed'}</span> · ` +
      `<span class="score">${num(report.score)} / ${num(report.maxScore)} points (${report.percent}%)</span> · ` +
      `pass mark ${report.passMark}% · ` +
      `${report.answeredCount} of ${report.questionCount} questions answered</p>`,
  );
  const blockers = [
    ...report.criticalMisses.map((miss) => `Critical error on ${e(miss.questionId)}: ${e(miss.text)}`),
    ...report.sectionMinimums
      .filter((m) => !m.met)
      .map((m) => `Section ${e(m.id)} ${e(m.title)}: ${m.percent ?? 0}% where ${m.required}% is required`),
  ];
  if (blockers.length) out.push(`<ul class="blockers">${blockers.map((b) => `<li>${b}</li>`).join('')}</ul>`);
  out.push('</header>');

  if (report.sections.length) {
    out.push('<section id="sections"><h2>Sections</h2>');
    out.push(
      barChart(
        report.sections.map((s) => ({
          label: `${s.id} ${s.title}`,
          percent: share(s.earned, s.max),
          detail: `${num(s.earned)} / ${num(s.max)}`,
        })),
        {
          title: 'Points earned per guideline section',
          reference: { percent: report.passMark, label: `pass ${report.passMark}%` },
        },
      ),
    );
    out.push(
      htmlTable(
        [
          { label: 'Section' },
          { label: 'Title' },
          { label: 'Earned', num: true },
          { label: 'Max', num: true },
          { label: 'Lost', num: true },
        ],
        report.sections.map((s) => [e(s.id), e(s.title), num(s.earned), num(s.max), num(s.lost)]),
        'section-row',
      ),
    );
    out.push('</section>');
  }

  if (options.trend.length) {
    out.push('<section id="trend"><h2>Score over attempts</h2>');
    out.push(
      trendChart(options.trend, { title: 'Score share of each attempt at this bank', passMark: report.passMark }),
    );
    out.push(
      `<p class="note">${options.trend.length} finished attempt${options.trend.length === 1 ? '' : 's'} at this ` +
        `bank; the dashed line is the pass mark.</p></section>`,
    );
  }

  if (report.confidence.length) {
    out.push('<section id="confidence"><h2>Confidence</h2>');
    out.push(
      barChart(
        report.confidence.map((c) => ({
          label: `sure: ${c.confidence}`,
          percent: share(c.correct, c.answered),
          detail: `${c.correct} of ${c.answered} right`,
        })),
        { title: 'How often each level of sureness was right' },
      ),
    );
    out.push('</section>');
  }

  out.push(`<section id="mistakes"><h2>Mistakes (${report.mistakes.length})</h2>`);
  for (const group of mistakesBySection(report)) {
    out.push(`<h3>${e(group.id)} ${e(group.title)}</h3>`);
    out.push(...group.mistakes.map(mistakeHtml));
  }
  out.push('</section>');

  if (report.studyPlan.length) {
    out.push('<section id="study-plan"><h2>Study plan</h2><ol>');
    out.push(
      ...report.studyPlan.map(
        (item) => `<li><strong>${e(item.sectionId)} ${e(item.title)}</strong> — ${e(item.reason)}</li>`,
      ),
    );
    out.push('</ol></section>');
  }
  if (report.mode === 'exam' && report.nextAttemptAt)
    out.push(`<p class="note">Next exam attempt available: ${e(formatWhen(report.nextAttemptAt))}.</p>`);
  if (options.nextStep) {
    out.push(
      `<p id="next-step"><strong>Next step:</strong> ${e(options.nextStep.text)} ` +
        `(<code>${e(options.nextStep.command)}</code>)</p>`,
    );
  }
  return htmlPage(`${report.bank.title} — attempt #${report.attemptId}`, out.join('\n'));
}

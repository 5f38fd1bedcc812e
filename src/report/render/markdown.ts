import { sanitize } from '../../text/sanitize.js';
import { formatWhen } from '../../text/theme.js';
import type { ReportModel } from '../model.js';
import { mistakesBySection } from './text.js';

/** Bank text is untrusted: it must read as text, never become links, images, HTML or emphasis. */
const literal = (text: string) => sanitize(text).replace(/[\\`*_{}[\]()<>#!|~]/g, '\\$&');
/** Table cells hold one line. */
const cell = (text: string) => literal(text).replace(/\n+/g, ' ');
const block = (text: string) => literal(text).replace(/\n/g, '\n> ');
const num = (n: number) => String(Math.round(n * 100) / 100);

/** The mistake report as Markdown, for notes and study-group chats. */
export function renderMarkdown(report: ReportModel): string {
  const out: string[] = [];
  out.push(`# ${cell(report.bank.title)} — attempt #${report.attemptId}`, '');
  out.push(
    `**${report.passed ? 'Passed' : 'Not passed'}**: ${num(report.score)} / ${num(report.maxScore)} points ` +
      `(${report.percent}%), pass mark ${report.passMark}% ` +
      `(${report.mode}${report.status === 'expired' ? ', time ran out' : ''}).`,
    '',
  );
  for (const miss of report.criticalMisses)
    out.push(`- **Critical error** on \`${miss.questionId}\`: ${cell(miss.text)}`);
  for (const min of report.sectionMinimums.filter((m) => !m.met))
    out.push(`- Section ${min.id} ${cell(min.title)}: ${min.percent}% where ${min.required}% is required`);
  if (report.criticalMisses.length || report.sectionMinimums.some((m) => !m.met)) out.push('');

  if (report.sections.length) {
    out.push('## Sections', '', '| Section | Title | Earned | Max | Lost |', '|---|---|---:|---:|---:|');
    for (const s of report.sections)
      out.push(`| ${s.id} | ${cell(s.title)} | ${num(s.earned)} | ${num(s.max)} | ${num(s.lost)} |`);
    out.push('');
  }

  out.push(`## Mistakes (${report.mistakes.length})`, '');
  for (const group of mistakesBySection(report)) {
    out.push(`### ${group.id} ${cell(group.title)}`, '');
    for (const m of group.mistakes) {
      out.push(
        `#### \`${m.questionId}\` ` +
          `(${num(m.earned)}/${num(m.max)})${m.critical ? ' — critical' : ''}` +
          (m.answered === false ? ' — not answered' : ''),
        '',
      );
      out.push(`> ${block(m.prompt)}`, '');
      out.push(`- Your answer: ${cell(m.responseText)}`, `- Expected: ${cell(m.expectedText)}`);
      for (const rule of m.rules) out.push(`- Rule ${rule.id}: ${cell(rule.text)}`);
      for (const note of m.feedback) out.push(`- On your pick: ${cell(note)}`);
      if (m.explanation) out.push(`- Why: ${cell(m.explanation)}`);
      for (const c of m.missedCriteria.filter((x) => x.id !== 'key'))
        out.push(`- ${c.points < 0 ? 'Pitfall' : 'Missed'}: ${cell(c.text)} (${c.points})`);
      out.push('');
    }
  }

  if (report.firstTry) {
    const { answered, correct, retried } = report.firstTry;
    out.push(
      `**First try**: ${correct} of ${answered} right at the first ` +
        `try${retried.length ? `; tried again: ${retried.map((id) => `\`${id}\``).join(', ')}` : ''}.`,
      '',
    );
  }

  if (report.studyPlan.length) {
    out.push('## Study plan', '');
    report.studyPlan.forEach((item, i) =>
      out.push(`${i + 1}. **${item.sectionId} ${cell(item.title)}** — ${item.reason}`),
    );
    out.push('');
  }
  if (report.mode === 'exam' && report.nextAttemptAt)
    out.push(`Next exam attempt available: ${formatWhen(report.nextAttemptAt)}.`, '');
  return out.join('\n');
}

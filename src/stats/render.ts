import { escapeHtml as e, htmlPage, htmlTable } from '../report/render/html-page.js';
import { barChart } from '../report/render/svg-chart.js';
import { sanitize } from '../text/sanitize.js';
import { makeTheme } from '../text/theme.js';
import { wrapLines } from '../text/wrap.js';
import type { ItemStats } from './item-stats.js';
import { statsMessages as messages } from './messages.js';

/** What the renderers show besides the per-question figures. */
export interface StatsHeader {
  bank: { id: string; title: string };
  attempts: number;
  learners: number;
}

const figure = (n: number | null) => (n === null ? messages.undefinedFigure : messages.decimal(n));
const sectionsOf = (item: ItemStats) => item.sections.map((s) => `${s.id} ${s.title}`).join(', ');
const picksOf = (item: ItemStats, mark = '*') =>
  (item.options ?? []).map((o) => `${o.id}${o.key ? mark : ''} ${o.picked}`).join(' · ');

/** Figures as JSON, for tools: the header, then one entry per question with its flags spelled out. */
export function renderStatsJson(header: StatsHeader, items: readonly ItemStats[]): string {
  const questions = items.map((item) => {
    const figures: Partial<ItemStats> = { ...item };
    delete figures.index;
    return { ...figures, flags: item.flags.map((code) => ({ code, message: messages.flag(code, item) })) };
  });
  return `${JSON.stringify({ ...header, questions }, null, 2)}\n`;
}

/**
 * A table for the terminal, then the flagged questions with the guideline section to look at.
 * With a width (the window, or COLUMNS when piped), every line fits it: prose wraps at word
 * boundaries, and when the option picks do not fit beside the figures they take a line of their own.
 */
export function renderStatsText(
  header: StatsHeader,
  items: readonly ItemStats[],
  options: { color: boolean; width?: number },
): string {
  const c = makeTheme(options.color);
  const s = (text: string) => sanitize(text);
  const width = options.width === undefined ? undefined : Math.max(20, options.width);
  const wrap = (line: string, hang: number) => (width === undefined ? [line] : wrapLines(line, width, { hang }));
  const idWidth = Math.max(8, ...items.map((i) => s(i.questionId).length));
  const out = [
    ...wrap(c.bold(s(messages.title(`${header.bank.title} (${header.bank.id})`))), 2),
    ...wrap(c.dim(messages.summary(header.attempts, header.learners)), 0),
    '',
  ];
  const figures = (item: ItemStats) =>
    [
      s(item.questionId).padEnd(idWidth),
      String(item.attempts).padStart(5),
      String(item.answered).padStart(8),
      figure(item.facility).padStart(8),
      figure(item.discrimination).padStart(8),
    ].join('  ');
  const picksHeader = 'option picks (* key)';
  const heading = [
    'question'.padEnd(idWidth),
    'drawn'.padStart(5),
    'answered'.padStart(8),
    'facility'.padStart(8),
    'discrim.'.padStart(8),
  ].join('  ');
  const beside =
    width === undefined ||
    (items.every((item) => `${figures(item)}  ${s(picksOf(item))}`.trimEnd().length <= width) &&
      `${heading}  ${picksHeader}`.length <= width);
  out.push(...(beside ? [c.dim(`${heading}  ${picksHeader}`)] : [c.dim(heading), c.dim(`  ${picksHeader}`)]));
  for (const item of items) {
    const paint = (line: string) => (item.flags.length ? c.yellow(line) : line);
    const picks = s(picksOf(item));
    if (beside) out.push(paint(`${figures(item)}  ${picks}`.trimEnd()));
    else {
      out.push(paint(figures(item).trimEnd()));
      if (picks) out.push(...wrap(`  ${picks}`, 4).map(paint));
    }
  }
  const flagged = items.filter((i) => i.flags.length);
  if (flagged.length) {
    out.push('', c.bold(`Flagged (${flagged.length})`));
    for (const item of flagged) {
      out.push(...wrap(`${s(item.questionId)} · section ${s(sectionsOf(item))}`, 2));
      for (const flag of item.flags) out.push(...wrap(`  ${c.yellow('⚑')} ${s(messages.flag(flag, item))}`, 4));
    }
  }
  return `${out.join('\n')}\n`;
}

/** Bank text in Markdown must stay text (see report/render/markdown.ts). */
const md = (text: string) =>
  sanitize(text)
    .replace(/[\\`*_{}[\]()<>#!|~]/g, '\\$&')
    .replace(/\n+/g, ' ');

/** A Markdown table and the flagged questions, for an author's notes or an issue. */
export function renderStatsMarkdown(header: StatsHeader, items: readonly ItemStats[]): string {
  const out = [
    `# ${md(messages.title(header.bank.title))}`,
    '',
    md(messages.summary(header.attempts, header.learners)),
    '',
  ];
  out.push(
    '| Question | Section | Drawn | Answered | Facility | Discrimination | Option picks (✓ key) | Flags |',
    '|---|---|---:|---:|---:|---:|---|---|',
  );
  for (const item of items) {
    const flags = item.flags.map((f) => messages.flagLabel[f]).join(', ');
    out.push(
      `| ${md(item.questionId)} | ${md(sectionsOf(item))} | ${item.attempts} | ${item.answered} ` +
        `| ${figure(item.facility)} | ${figure(item.discrimination)} | ${md(picksOf(item, '✓'))} | ${flags} |`,
    );
  }
  const flagged = items.filter((i) => i.flags.length);
  if (flagged.length) {
    out.push('', '## Flagged', '');
    for (const item of flagged) {
      const id = item.questionId.replace(/`/g, "'");
      for (const flag of item.flags)
        out.push(`- \`${id}\` (section ${md(sectionsOf(item))}): ${md(messages.flag(flag, item))}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** One self-contained page: facility bars, the table with option picks, and the flags. */
export function renderStatsHtml(header: StatsHeader, items: readonly ItemStats[]): string {
  const body: string[] = [
    `<header><h1>${e(messages.title(header.bank.title))}</h1>` +
      `<p class="meta">${e(messages.summary(header.attempts, header.learners))}</p></header>`,
  ];
  const drawn = items.filter((i) => i.facility !== null);
  if (drawn.length) {
    body.push('<section id="facility"><h2>Facility</h2>');
    body.push(
      barChart(
        drawn.map((i) => ({ label: i.questionId, percent: i.facility! * 100, detail: `${i.attempts} drawn` })),
        { title: 'Mean share of points earned per question' },
      ),
    );
    body.push('</section>');
  }
  body.push('<section id="questions"><h2>Questions</h2>');
  body.push(
    htmlTable(
      [
        { label: 'Question' },
        { label: 'Section' },
        { label: 'Drawn', num: true },
        { label: 'Answered', num: true },
        { label: 'Facility', num: true },
        { label: 'Discrimination', num: true },
        { label: 'Option picks (✓ key)' },
        { label: 'Flags' },
      ],
      items.map((item) => [
        e(item.questionId),
        e(sectionsOf(item)),
        String(item.attempts),
        String(item.answered),
        figure(item.facility),
        figure(item.discrimination),
        (item.options ?? [])
          .map((o) => `${e(o.id)}${o.key ? ' ✓' : ''}: ${o.picked} <span class="note">${e(o.text)}</span>`)
          .join('<br>'),
        item.flags
          .map((f) => `<span class="flag" title="${e(messages.flag(f, item))}">${e(messages.flagLabel[f])}</span>`)
          .join(' '),
      ]),
      'question-row',
    ),
  );
  body.push('</section>');
  return htmlPage(messages.title(header.bank.title), body.join('\n'));
}

/** The statistics in a format of `qualify stats --format` (text: with `text`'s colour and width). */
export function renderStats(
  format: string,
  header: StatsHeader,
  items: readonly ItemStats[],
  text: { color: boolean; width?: number },
): string {
  if (format === 'json') return renderStatsJson(header, items);
  if (format === 'md') return renderStatsMarkdown(header, items);
  return format === 'html' ? renderStatsHtml(header, items) : renderStatsText(header, items, text);
}

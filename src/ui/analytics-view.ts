import asciichart from 'asciichart';
import type { Analytics } from '../study/analytics.js';
import { sparkly } from '../text/deferred-packages.js';
import { sanitize } from '../text/sanitize.js';
import { makeTheme } from '../text/theme.js';
import { studyMessages as m } from './study-messages.js';

/** Columns of the trend chart between two attempts, so a few attempts still draw a readable line. */
const CHART_STEP = 4;
const CHART_HEIGHT = 5;
/** What is left of the line beside a chart: its indent and the axis labels ("     100%  ┤"). */
const CHART_MARGIN = 4 + 8;

/**
 * How many of the latest attempts a chart `width` columns wide shows: a wrapped chart is a wall
 * of blocks, so a long history shows its most recent part (and says so in its title).
 */
export function attemptsThatFit(width: number, count: number): number {
  return Math.max(2, Math.min(count, Math.floor((width - CHART_MARGIN - 1) / CHART_STEP) + 1));
}

/** A bank's scores drawn with asciichart on a fixed 0-100% axis. */
export function trendChart(percents: readonly number[]): string[] {
  const series: number[] = [];
  percents.forEach((value, i) => {
    if (i === 0) return series.push(value);
    const from = percents[i - 1]!;
    for (let step = 1; step <= CHART_STEP; step++) series.push(from + ((value - from) * step) / CHART_STEP);
  });
  return asciichart
    .plot(series, {
      height: CHART_HEIGHT,
      min: 0,
      max: 100,
      format: (x: number) => `${String(Math.round(x)).padStart(4)}% `,
    })
    .split('\n');
}

/** The confusion table: rows are the expected labels, columns the chosen ones, by number. */
function confusionLines(labels: readonly string[], confusion: readonly number[][]): string[] {
  const names = labels.map((label, i) => `${i + 1} ${sanitize(label)}`);
  const width = Math.max(m.confusionHeader.length, ...names.map((n) => n.length));
  // Each column as wide as its largest count and a space (thousands of answers in one cell are
  // common), the others kept narrow so the table still fits a 60-column window.
  const widths = labels.map((_, col) =>
    Math.max(3, String(col + 1).length + 1, ...confusion.map((row) => String(row[col] ?? 0).length + 1)),
  );
  const cell = (text: string, col: number) => text.padStart(widths[col]!);
  return [
    `${m.confusionHeader.padEnd(width)} ${labels.map((_, i) => cell(String(i + 1), i)).join('')}`,
    ...names.map(
      (name, row) =>
        `${name.padEnd(width)} ${confusion[row]!.map((n, col) => cell(n === 0 ? '.' : String(n), col)).join('')}`,
    ),
  ];
}

/**
 * Learning analytics as text: calibration per scale, rushing, confidence (CBM), and progress
 * (each bank's score trend as a chart, each section's accuracy as a sparkline). Empty parts are
 * left out; an empty string when there is nothing to show.
 */
export function analyticsText(
  analytics: Analytics,
  options: { color: boolean; trends: boolean; width?: number },
): string {
  const width = options.width ?? Infinity;
  const c = makeTheme(options.color);
  const out: string[] = [];
  for (const scale of analytics.calibration) {
    const ends =
      scale.kind === 'preference'
        ? { first: sanitize(scale.labels[0] ?? ''), last: sanitize(scale.labels[scale.labels.length - 1] ?? '') }
        : undefined;
    out.push(`  ${m.calibrationLine(sanitize(scale.scale), scale.meanSignedError, scale.answered, ends)}`);
    out.push(...confusionLines(scale.labels, scale.confusion).map((line) => `    ${line}`));
  }
  const rush = analytics.rushing;
  if (rush) {
    out.push(
      `  ${m.rushingLine(
        rush.fastCount,
        Math.round(rush.fastUpToMs / 1000),
        Math.round(rush.fastAccuracy * 100),
        Math.round(rush.restAccuracy * 100),
      )}`,
    );
    if (rush.warning) out.push(`  ${c.yellow.bold(m.rushingWarning)}`);
  }
  const cbm = analytics.confidence;
  if (cbm) {
    for (const level of cbm.levels)
      out.push(`  ${m.cbmLine(level.confidence, level.correct, level.answered, level.verdict)}`);
    out.push(`  ${m.cbmTotal(cbm.total, cbm.average)}`);
  }
  if (options.trends) {
    for (const trend of analytics.trends.filter((t) => t.percents.length > 1)) {
      const all = trend.percents;
      const p = all.slice(-attemptsThatFit(width, all.length));
      const title = m.trendTitle(
        sanitize(trend.bankId),
        Math.round(all[0]!),
        Math.round(all[all.length - 1]!),
        all.length,
      );
      out.push(`  ${title}${p.length < all.length ? m.latestShown(p.length) : ''}`);
      out.push(...trendChart(p).map((line) => `    ${line}`));
    }
    const sections = analytics.sections.filter((s) => s.accuracy.length > 1);
    if (sections.length) {
      out.push(`  ${m.sectionTrendTitle}`);
      const idWidth = Math.max(...sections.map((s) => s.sectionId.length));
      for (const s of sections) {
        const ends = `${s.accuracy[0]}% → ${s.accuracy[s.accuracy.length - 1]}%`;
        // A sparkline wider than the window would wrap: only its latest values, "…" before them.
        const room = Math.max(8, width - 4 - idWidth - 2 - 2 - ends.length - 1);
        const shown = s.accuracy.length > room ? s.accuracy.slice(-room) : s.accuracy;
        const spark = `${shown.length < s.accuracy.length ? '…' : ''}${sparkly(shown, { minimum: 0, maximum: 100 })}`;
        out.push(`    ${sanitize(s.sectionId).padEnd(idWidth)}  ${spark}  ${ends}`);
      }
    }
  }
  if (out.length === 0) return '';
  return `${c.bold(m.analyticsTitle)}\n${out.join('\n')}\n`;
}

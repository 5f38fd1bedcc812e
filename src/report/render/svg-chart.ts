import { escapeHtml } from './html-page.js';

/**
 * Charts as inline SVG drawn here: no library to inline and nothing to fetch, so a report works
 * from a USB stick. Labels are escaped like any bank text.
 */

export interface Bar {
  label: string;
  /** 0..100 */
  percent: number;
  /** Shown at the end of the bar, e.g. "3 / 4". */
  detail: string;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const clampPercent = (p: number) => Math.max(0, Math.min(100, Number.isFinite(p) ? p : 0));

/** Horizontal bars (one per row) on a 0-100% axis, with an optional dashed reference line. */
export function barChart(
  bars: readonly Bar[],
  options: { title: string; reference?: { percent: number; label: string } },
): string {
  const labelWidth = 190;
  const plotWidth = 360;
  const rowHeight = 24;
  const top = 22;
  const width = labelWidth + plotWidth + 150;
  const height = top + bars.length * rowHeight + 8;
  const x = (p: number) => labelWidth + (clampPercent(p) / 100) * plotWidth;
  const shorten = (text: string) => (text.length > 30 ? `${text.slice(0, 29)}…` : text);
  const rows = bars.map((bar, i) => {
    const y = top + i * rowHeight;
    return (
      `<g class="bar-row"><title>${escapeHtml(`${bar.label}: ${fmt(bar.percent)}% (${bar.detail})`)}</title>` +
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(shorten(bar.label))}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${plotWidth}" height="${rowHeight - 8}" fill="#eef1f6"/>` +
      `<rect class="bar" x="${labelWidth}" y="${y + 4}" width="${fmt(x(bar.percent) - labelWidth)}" ` +
      `height="${rowHeight - 8}" fill="#3d6fd8"/>` +
      `<text x="${labelWidth + plotWidth + 6}" ` +
      `y="${y + 15}">${escapeHtml(`${fmt(bar.percent)}% · ${bar.detail}`)}</text></g>`
    );
  });
  const reference = options.reference
    ? `<line class="reference" x1="${fmt(x(options.reference.percent))}" ` +
      `x2="${fmt(x(options.reference.percent))}" y1="${top - 4}" y2="${height - 4}" stroke="#b3261e" ` +
      `stroke-dasharray="4 3"/>` +
      `<text x="${fmt(x(options.reference.percent))}" y="${top - 8}" text-anchor="middle" ` +
      `fill="#b3261e">${escapeHtml(options.reference.label)}</text>`
    : '';
  return `<svg class="chart bar-chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}${reference}</svg>`;
}

export interface TrendPoint {
  label: string;
  percent: number;
  /** The point being reported is drawn larger. */
  current?: boolean;
}

/** Score share over attempts, oldest first, on a 0-100% axis with the pass mark dashed. */
export function trendChart(points: readonly TrendPoint[], options: { title: string; passMark: number }): string {
  const left = 40;
  const right = 20;
  const top = 14;
  const plotHeight = 180;
  const width = Math.max(640, left + right + points.length * 40);
  const height = top + plotHeight + 34;
  const plotWidth = width - left - right;
  const x = (i: number) => left + (points.length === 1 ? plotWidth / 2 : (i / (points.length - 1)) * plotWidth);
  const y = (p: number) => top + plotHeight - (clampPercent(p) / 100) * plotHeight;
  const grid = [0, 25, 50, 75, 100]
    .map(
      (p) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(p)}" y2="${y(p)}" stroke="#d9dde5"/><text ` +
        `x="${left - 6}" y="${y(p) + 4}" text-anchor="end">${p}%</text>`,
    )
    .join('');
  const pass =
    `<line class="reference" x1="${left}" x2="${width - right}" y1="${fmt(y(options.passMark))}" ` +
    `y2="${fmt(y(options.passMark))}" stroke="#b3261e" stroke-dasharray="4 3"/>`;
  const path = points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${fmt(x(i))} ${fmt(y(pt.percent))}`).join(' ');
  const line =
    points.length > 1 ? `<path class="trend-line" d="${path}" fill="none" stroke="#3d6fd8" stroke-width="2"/>` : '';
  const dots = points
    .map(
      (pt, i) =>
        `<circle class="point" cx="${fmt(x(i))}" cy="${fmt(y(pt.percent))}" r="${pt.current ? 5 : 3.5}" ` +
        `fill="${pt.current ? '#1d2330' : '#3d6fd8'}">` +
        `<title>${escapeHtml(`${pt.label}: ${fmt(pt.percent)}%`)}</title></circle>` +
        `<text x="${fmt(x(i))}" y="${top + plotHeight + 16}" text-anchor="middle">${escapeHtml(pt.label)}</text>`,
    )
    .join('');
  return `<svg class="chart trend-chart" role="img" aria-label="${escapeHtml(options.title)}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${grid}${pass}${line}${dots}</svg>`;
}

import { sanitize } from '../../text/sanitize.js';

/**
 * Bank text is untrusted. In HTML it must stay text: control characters go (as in the terminal),
 * then the five characters that could open a tag, an attribute or an entity are escaped.
 */
export function escapeHtml(text: string): string {
  return sanitize(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// The page allows no script, no network and no outside file at all: even if some bank text got
// past the escaping, the browser would refuse to run it or to fetch anything.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --pass: #1f7a4d; --fail: #b3261e;
  --bar: #3d6fd8; --mark: #b3261e; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 0 auto; padding: 1rem; max-width: 60rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: .2rem 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
.meta, .note { color: var(--muted); font-size: .9rem; }
.verdict { font-size: 1.2rem; font-weight: 700; }
.verdict.pass { color: var(--pass); } .verdict.fail { color: var(--fail); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
svg.chart { width: 100%; height: auto; max-width: 44rem; display: block; }
svg.chart text { font: 11px system-ui, sans-serif; fill: var(--ink); }
.mistake { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: .8rem 0;
  break-inside: avoid; }
.mistake .prompt { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0 .5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: 0; }
dt { color: var(--muted); } dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.flag { display: inline-block; padding: 0 .4rem; border-radius: 4px; font-size: .8rem; background: #fbe9e7;
  color: var(--fail); margin-right: .3rem; }
@media (max-width: 30rem) {
  body { padding: .6rem; font-size: 15px; }
  dl { grid-template-columns: 1fr; } dt { margin-top: .3rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A whole self-contained page: inline style, inline SVG, nothing fetched, no script. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A table; cells are already HTML (escape bank text before). `num` columns are right-aligned. */
export function htmlTable(headers: { label: string; num?: boolean }[], rows: string[][], rowClass = ''): string {
  const th = headers.map((h) => `<th${h.num ? ' class="num"' : ''} scope="col">${escapeHtml(h.label)}</th>`).join('');
  const body = rows
    .map((cells) => {
      const tds = cells.map((cell, i) => `<td${headers[i]?.num ? ' class="num"' : ''}>${cell}</td>`).join('');
      return `<tr${rowClass ? ` class="${rowClass}"` : ''}>${tds}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

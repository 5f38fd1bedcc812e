/** Text hygiene shared by the importers: markup reduced to what a learner should read. */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  le: '≤',
  ge: '≥',
  ne: '≠',
  copy: '©',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
};

/** Decodes HTML character references (`&nbsp;`, `&lt;`, `&#233;`, `&#xE9;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * HTML as plain text: line breaks and paragraph ends kept as new lines, other tags dropped, then
 * character references decoded (after the tags, so `&lt;b&gt;` stays visible text).
 */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h[1-6])\s*>/gi, '\n');
  return decodeEntities(withBreaks.replace(/<[^>]*>/g, ''))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The `src` of every image in HTML text (shown in the report of what was dropped). */
export function imagesIn(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*>/gi)].map((tag) => {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0]);
    return src ? (src[1] ?? src[2] ?? src[3] ?? '') : '';
  });
}

/** Windows-1252's characters for the bytes 0x80-0x9F (where it differs from Latin-1); gaps stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 decoded by table: Node's decoder may treat it as Latin-1 (no full ICU), losing “ ” – €. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/**
 * The text of a file whose encoding is unknown: UTF-8 (a byte order mark is dropped), or, when
 * the bytes are not valid UTF-8, Windows-1252, the usual encoding of quiz files saved by older
 * Windows editors; then `fallback` is true so the caller can warn. Never a replacement character.
 */
export function decodeSource(bytes: Uint8Array): { text: string; fallback: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), fallback: false };
  } catch {
    return { text: decodeWindows1252(bytes), fallback: true };
  }
}

import wrapAnsi from 'wrap-ansi';

/**
 * Wraps text to a width for the terminal. Each line of the text is wrapped on its own and keeps
 * its leading indentation (code and lists in bank text stay readable), no wrapped line starts or
 * ends with the space it was broken at, and `firstWidth` leaves room for a label printed before
 * the first line.
 */
export function wrapText(text: string, width: number, firstWidth = width): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const indent = /^[ \t]*/.exec(line)![0];
    const body = line.slice(indent.length).trimEnd();
    if (!body) {
      out.push('');
      continue;
    }
    const room = Math.max(10, (out.length === 0 ? firstWidth : width) - indent.length);
    const first = wrapAnsi(body, room, { hard: true, trim: true }).split('\n');
    const head = first.shift()!;
    out.push(indent + head);
    // Lines after the first wrap to the full width, not to the room left beside a label.
    const rest = first.join(' ');
    if (rest) for (const piece of wrapAnsi(rest, Math.max(10, width - indent.length), { hard: true, trim: true }).split('\n')) out.push(indent + piece);
  }
  return out;
}

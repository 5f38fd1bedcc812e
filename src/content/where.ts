import type { PathSegment } from './parse.js';

/**
 * Names a place in a content file the way an author thinks of it:
 * `question "se-004" › options[1].text` rather than `/questions/3/options/1/text`.
 */
export function describePath(root: unknown, path: readonly PathSegment[]): string {
  const parts: string[] = [];
  let node: unknown = root;
  let field = '';
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const parentKey = path[i - 1];
    const next = (node as Record<PathSegment, unknown> | undefined)?.[segment];
    const id = (next as { id?: unknown } | undefined)?.id;
    if (
      typeof segment === 'number' &&
      (parentKey === 'questions' || parentKey === 'sections') &&
      typeof id === 'string'
    ) {
      parts.push(`${parentKey === 'questions' ? 'question' : 'section'} "${id}"`);
      field = '';
    } else if (typeof segment === 'number' && parentKey === 'rubric' && typeof id === 'string') {
      field = field.replace(/\.?rubric$/, '');
      if (field) parts.push(field);
      parts.push(`criterion "${id}"`);
      field = '';
    } else if (typeof segment === 'number') {
      field += `[${segment}]`;
    } else {
      const isSectionsList = segment === 'sections' && Array.isArray(next) && next.some((s) => typeof s === 'object');
      if (isSectionsList || segment === 'questions') {
        if (field) parts.push(field);
        field = '';
        node = next;
        continue;
      }
      field += field ? `.${segment}` : segment;
    }
    node = next;
  }
  if (field) parts.push(field);
  return parts.join(' › ');
}

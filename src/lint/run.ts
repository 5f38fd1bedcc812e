import type { Diagnostic } from '../content/diagnostic.js';
import { positionOf, type ParsedFile } from '../content/parse.js';
import { describePath } from '../content/where.js';
import { formatMessage } from '../text/format-message.js';
import type { LintEnvironment, LintRule, Location, Messages, RuleContext, Visitors } from './rule.js';

/** The environment of a rule run outside `qualify lint` (the loader): no stats, no coverage. */
const NO_ENVIRONMENT: LintEnvironment = { ruleIds: new Set(), coverage: () => {} };

/**
 * A rule's context for one file: `report` turns a message id and its data into a diagnostic with
 * the rule's id and severity, positioned on the YAML node at `path` and prefixed with where that
 * is in words, and adds it to `sink`.
 */
export function contextFor<M extends Messages>(
  rule: LintRule<M>,
  file: string,
  parsed: ParsedFile | undefined,
  sink: Diagnostic[],
  environment: LintEnvironment = NO_ENVIRONMENT,
): RuleContext<M> & LintEnvironment {
  return {
    ...environment,
    file,
    report(problem) {
      const template = rule.meta.messages[problem.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${problem.messageId}"`);
      const message = formatMessage(template, problem.data);
      const { line, column, place } = locate(problem, parsed);
      sink.push({
        file,
        line,
        column,
        severity: problem.severity ?? rule.meta.severity,
        ruleId: rule.meta.id,
        messageId: problem.messageId,
        message: place ? `${place}: ${message}` : message,
      });
    },
  };
}

function locate(where: Location, parsed: ParsedFile | undefined): { line: number; column: number; place: string } {
  if ('line' in where) return { line: where.line, column: where.column, place: '' };
  if (!parsed) throw new Error('a problem at a YAML path needs the parsed file');
  const { line, column } = positionOf(parsed, where.path, where.at);
  const describe = where.describe ?? true;
  const place = describe === false ? '' : describePath(parsed.value, describe === true ? where.path : describe);
  return { line, column, place };
}

type Visitor = keyof Visitors;
type NodeOf<V extends Visitor> = Parameters<NonNullable<Visitors[V]>>[0];

/** Calls one visitor of every rule that has it, for one file; returns the problems they reported. */
export function visit<V extends Visitor>(
  rules: readonly LintRule[],
  visitor: V,
  file: string,
  parsed: ParsedFile | undefined,
  node: NodeOf<V>,
  environment?: LintEnvironment,
): Diagnostic[] {
  const sink: Diagnostic[] = [];
  for (const rule of rules) {
    const visitors = rule.create(contextFor(rule, file, parsed, sink, environment));
    const fn = visitors[visitor] as ((node: NodeOf<V>) => void) | undefined;
    fn?.call(visitors, node);
  }
  // Two validator errors can explain themselves in the same words at the same place: say it once.
  const seen = new Set<string>();
  return sink.filter((d) => {
    const key = `${d.line}:${d.column}:${d.ruleId}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import { widestScope, type Scope } from '../../shared/permissions.ts';
import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { scopeCondition } from '../../shared/scope.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../results.rules.ts';

/** How a reader sees the results: which offices, and whether small numbers are suppressed. */
export interface ResultsReader {
  actor: Actor;
  scope: Scope;
  /** Small numbers hidden: the reader is an observer (no read:results), or asked for an export for outside use. */
  suppress: boolean;
  threshold: number;
}

/**
 * Staff who answer for the results (read:results) see exact figures within that scope; anyone else
 * with read:report (an observer) sees aggregates with small numbers suppressed (ADR 041), and so
 * does an export marked for outside use, whoever downloads it.
 */
export function resultsReader(actor: Actor, audience: 'internal' | 'outside', threshold = DEFAULT_SUPPRESSION_THRESHOLD): ResultsReader {
  const exact = widestScope(actor.permissions, 'read', 'results');
  const scope = exact ?? widestScope(actor.permissions, 'read', 'report');
  if (!scope || scope === 'own') throw new AppError('FORBIDDEN');
  return { actor, scope, suppress: !exact || audience === 'outside', threshold };
}

/** SQL condition on an office id column for the reader's scope; params appended. */
export function officeScopeSql(reader: ResultsReader, column: string, params: unknown[]): string {
  return scopeCondition(reader.scope, reader.actor, params, { office: column });
}

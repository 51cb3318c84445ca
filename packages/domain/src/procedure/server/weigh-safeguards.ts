import type { Queryable } from '@refugio/db';
import { translate } from '../../i18n/catalogs.ts';
import type { Language } from '../../shared/limits.ts';
import type { SafeguardState } from '../procedure.rules.ts';
import type { TSafeguardCheck } from '../procedure.schemas.ts';
import { safeguardsOf, type SafeguardDefinition, type StepRun } from './registry.ts';

export interface WeighedSafeguard {
  definition: SafeguardDefinition;
  state: SafeguardState;
  check: TSafeguardCheck;
  params?: Record<string, string | number>;
  field?: { name: string; code: string };
  findings?: Record<string, unknown>;
}

/** Safeguards the claim's authority has switched off (ADR 019: only where the law allows). */
export async function switchedOffSafeguards(db: Queryable, institutionId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ safeguard_code: string }>(
    'SELECT safeguard_code FROM procedure_safeguard_settings WHERE institution_id = $1 AND NOT enabled', [institutionId]);
  return new Set(rows.map((r) => r.safeguard_code));
}

/** A safeguard's texts and source in a language; `params` fill the unmet sentence. */
export function describeSafeguard(
  definition: SafeguardDefinition, language: Language, state: SafeguardState, params: Record<string, string | number> = {},
): TSafeguardCheck {
  const key = `procedure.safeguards.${definition.code}`;
  const sentence = state === 'unmet' ? 'unmet' : 'requirement';
  return {
    code: definition.code,
    state,
    title: translate(language, `${key}.title`),
    message: translate(language, `${key}.${sentence}`, params),
    remedy: translate(language, `${key}.remedy`, params),
    source: { kind: definition.source.kind, citation: translate(language, definition.source.citationKey) },
    overridable: definition.override !== undefined,
  };
}

/**
 * Every safeguard registered for the run's step, as it stands now, in the actor's language. A
 * safeguard the authority switched off is listed as such and not checked.
 */
export async function weighSafeguards(run: StepRun, switchedOff?: Set<string>): Promise<WeighedSafeguard[]> {
  const definitions = safeguardsOf(run.step);
  if (definitions.length === 0) return [];
  const off = switchedOff ?? await switchedOffSafeguards(run.tx, run.claim.institution_id);
  const language = run.actor.language;
  const weighed: WeighedSafeguard[] = [];
  for (const definition of definitions) {
    if (definition.switchable && off.has(definition.code)) {
      weighed.push({ definition, state: 'switched_off', check: describeSafeguard(definition, language, 'switched_off') });
      continue;
    }
    const verdict = await definition.check(run);
    if (verdict.met === 'on_input') {
      weighed.push({ definition, state: 'on_input', check: describeSafeguard(definition, language, 'on_input') });
    } else if (verdict.met) {
      if (verdict.findings) run.findings.set(definition.code, verdict.findings);
      weighed.push({ definition, state: 'met', check: describeSafeguard(definition, language, 'met') });
    } else {
      if (verdict.findings) run.findings.set(definition.code, verdict.findings);
      weighed.push({
        definition, state: 'unmet', check: describeSafeguard(definition, language, 'unmet', verdict.params),
        ...(verdict.params ? { params: verdict.params } : {}),
        ...(verdict.field ? { field: verdict.field } : {}),
        ...(verdict.findings ? { findings: verdict.findings } : {}),
      });
    }
  }
  return weighed;
}

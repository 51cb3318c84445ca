import type { Queryable } from '@refugio/db';
import { translate } from '../../i18n/catalogs.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/limits.ts';
import { PERMISSIONS } from '../../shared/permissions.ts';
import { STEP_CODES, STEPS } from '../procedure.rules.ts';
import type { TSafeguardEntry, TStepEntry } from '../procedure.schemas.ts';
import { effectsOf, safeguardsOf, type SafeguardDefinition } from './registry.ts';

interface SettingRow {
  safeguard_code: string; institution_id: string; institution_name: string; reason: string; changed_by: string | null;
  changed_at: string; version: number;
}

/** Every `action:claim:scope` permission that lets a caller take a step of this kind. */
function permissionsFor(action: string): string[] {
  return PERMISSIONS.filter((p) => p.startsWith(`${action}:claim:`));
}

function presentSafeguard(definition: SafeguardDefinition, language: Language, settings: readonly SettingRow[]): TSafeguardEntry {
  const key = `procedure.safeguards.${definition.code}`;
  return {
    code: definition.code, feature: definition.feature, switchable: definition.switchable, overridable: definition.override !== undefined,
    title: translate(language, `${key}.title`), requirement: translate(language, `${key}.requirement`), remedy: translate(language, `${key}.remedy`),
    source: { kind: definition.source.kind, citation: translate(language, definition.source.citationKey) },
    switchedOff: settings.filter((s) => s.safeguard_code === definition.code).map((s) => ({
      institutionId: s.institution_id, institutionName: s.institution_name, reason: s.reason, changedBy: s.changed_by,
      changedAt: new Date(s.changed_at).toISOString(), version: s.version,
    })),
  };
}

/**
 * The procedure's catalogue (ADR 019): every step with the statuses it is taken from, where it
 * leads, who may take it, the safeguards that guard it and the effects it sets off, each with
 * its source, in the reader's language; and which authorities switched which safeguard off.
 */
export async function listProcedureSteps(db: Queryable, ctx: RequestContext): Promise<TStepEntry[]> {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('read:procedure:all')) throw new AppError('FORBIDDEN');
  const { rows: settings } = await db.query<SettingRow>(
    `SELECT s.safeguard_code, s.institution_id, i.name AS institution_name, s.reason, u.full_name AS changed_by, s.changed_at, s.version
       FROM procedure_safeguard_settings s JOIN institutions i ON i.id = s.institution_id LEFT JOIN users u ON u.id = s.changed_by
      WHERE s.operation_id = $1 AND NOT s.enabled ORDER BY i.name`, [actor.operationId]);
  const language = actor.language;
  return STEP_CODES.map((step) => {
    const declaration = STEPS[step];
    return {
      step, title: translate(language, `procedure.steps.${step}`), from: [...declaration.from], to: declaration.to,
      permissions: permissionsFor(declaration.permission), needsReason: declaration.needsReason,
      safeguards: safeguardsOf(step).map((definition) => presentSafeguard(definition, language, settings)),
      effects: effectsOf(step).map((effect) => ({
        code: effect.code, feature: effect.feature,
        title: translate(language, `procedure.effects.${effect.code}.title`),
        description: translate(language, `procedure.effects.${effect.code}.description`),
        source: { kind: effect.source.kind, citation: translate(language, effect.source.citationKey) },
      })),
    };
  });
}

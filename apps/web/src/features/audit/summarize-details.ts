import type { TFunction } from 'i18next';
import { CLAIM_STATUSES } from '@refugio/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Detail keys with a label in the catalogs (`audit.detailKeys.*`), written out so the catalog test sees each used. */
export const DETAIL_KEY_LABEL: Record<string, string> = {
  reason: 'audit.detailKeys.reason',
  from: 'audit.detailKeys.from',
  to: 'audit.detailKeys.to',
  changes: 'audit.detailKeys.changes',
  toOfficeId: 'audit.detailKeys.toOfficeId',
  restoredStatus: 'audit.detailKeys.restoredStatus',
  kind: 'audit.detailKeys.kind',
  change: 'audit.detailKeys.change',
  status: 'audit.detailKeys.status',
  username: 'audit.detailKeys.username',
  format: 'audit.detailKeys.format',
  language: 'audit.detailKeys.language',
  count: 'audit.detailKeys.count',
  userId: 'audit.detailKeys.userId',
  officerId: 'audit.detailKeys.officerId',
  officeId: 'audit.detailKeys.officeId',
  claimId: 'audit.detailKeys.claimId',
  sessionId: 'audit.detailKeys.sessionId',
  overridden: 'audit.detailKeys.overridden',
  dueOn: 'audit.detailKeys.dueOn',
};

/** The kinds of record the trail names (`audit.entities.*`). */
export const ENTITY_LABEL: Record<string, string> = {
  claim: 'audit.entities.claim', interview: 'audit.entities.interview', user: 'audit.entities.user',
  training_enrolment: 'audit.entities.training_enrolment', training_session: 'audit.entities.training_session',
  office: 'audit.entities.office', interview_appointment: 'audit.entities.interview_appointment', institution: 'audit.entities.institution',
  person: 'audit.entities.person', training_campaign: 'audit.entities.training_campaign', trainer: 'audit.entities.trainer',
  referral: 'audit.entities.referral', calendar: 'audit.entities.calendar', training_module: 'audit.entities.training_module',
  role: 'audit.entities.role', interview_template: 'audit.entities.interview_template', interpreter: 'audit.entities.interpreter',
  coi_source: 'audit.entities.coi_source', capacity_action: 'audit.entities.capacity_action', system: 'audit.entities.system',
  training_certificate: 'audit.entities.training_certificate', safeguard: 'audit.entities.safeguard',
};

/** Where the record an entry describes is read, when it has a page of its own. */
export function entityPath(entityType: string, entityId: string | null): string | null {
  if (!entityId || !UUID.test(entityId)) return null;
  switch (entityType) {
    case 'claim': return `/claims/${entityId}`;
    case 'training_session': return `/training/sessions/${entityId}`;
    case 'training_campaign': return `/training/campaigns/${entityId}`;
    case 'training_module': return `/training/catalogue/${entityId}`;
    case 'interview_template': return `/interview-templates/${entityId}`;
    case 'coi_source': return `/coi/${entityId}`;
    case 'capacity_action': return `/training/evaluations/${entityId}`;
    case 'user': return `/users/${entityId}/edit`;
    default: return null;
  }
}

/**
 * An entry's details as a sentence in the reader's language: "Motivo: … · De: Admitida · A:
 * Cerrada · Oficina de destino: COMAR Ciudad de México". Ids are replaced by what they name (the
 * page's `names`), never shown; statuses by their label; keys by theirs.
 */
export function summarizeDetails(t: TFunction, details: Record<string, unknown>, names: Record<string, string>, maxLength = 240): string {
  const labelOf = (key: string): string => {
    const labelKey = DETAIL_KEY_LABEL[key];
    return labelKey ? t(labelKey) : key;
  };
  const describe = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length ? value.map((v) => describe(key, v)).join(', ') : '—';
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    // Nested objects (the changed fields of an update) are summarized by their keys.
    if (typeof value === 'object') return Object.keys(value).map((k) => labelOf(k)).join(', ');
    const text = String(value);
    if (UUID.test(text)) return names[text] ?? '—';
    if ((CLAIM_STATUSES as readonly string[]).includes(text)) return t(`intake.statuses.${text}`);
    return text;
  };
  const text = Object.entries(details)
    .map(([key, value]) => `${labelOf(key)}: ${describe(key, value)}`)
    .join(' · ');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

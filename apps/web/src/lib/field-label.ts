import type { TFunction } from 'i18next';

/**
 * The label a person saw next to a field, for an API error about it: "Persona 2 · Nombres", never
 * "members.1.person.givenNames". Paths not listed here show the message alone.
 */
const LABEL_OF_SEGMENT: Record<string, string> = {
  officeId: 'intake.claim.office',
  channel: 'intake.claim.channel',
  modality: 'intake.claim.modality',
  enteredMexicoOn: 'intake.claim.enteredMexicoOn',
  protectionExpressedAt: 'intake.claim.protectionExpressedAt',
  expressedAt: 'intake.referral.expressedAt',
  expressedPlace: 'intake.referral.expressedPlace',
  expressedStateCode: 'intake.referral.state',
  sourceOfficeId: 'intake.referral.sourceOffice',
  notes: 'intake.referral.notes',
  relation: 'intake.person.relation',
  unaccompanied: 'intake.person.unaccompanied',
  givenNames: 'intake.person.givenNames',
  firstSurname: 'intake.person.firstSurname',
  secondSurname: 'intake.person.secondSurname',
  birthDate: 'intake.person.birthDate',
  sex: 'intake.person.sex',
  genderIdentity: 'intake.person.genderIdentity',
  nationalities: 'intake.person.nationalities',
  languages: 'intake.person.languages',
  documentType: 'intake.person.documentType',
  documentNumber: 'intake.person.documentNumber',
  phone: 'intake.person.phone',
  category: 'intake.flags.category',
  indicator: 'intake.flags.indicator',
  memberIndex: 'intake.flags.person',
  venue: 'trainingSessions.form.venue',
  videoLink: 'trainingSessions.form.videoLink',
  onlineStartsOn: 'trainingSessions.form.onlineStartsOn',
  onlineEndsOn: 'trainingSessions.form.onlineEndsOn',
  selfLevels: 'trainingNeeds.mine.levels',
};

export function fieldLabel(t: TFunction, path: string): string | undefined {
  const parts = path.split('.');
  const names = parts.filter((p) => !/^\d+$/.test(p) && p !== 'person');
  const key = LABEL_OF_SEGMENT[names.at(-1) ?? ''];
  if (!key) return undefined;
  const member = parts[0] === 'members' && /^\d+$/.test(parts[1] ?? '') ? t('intake.register.personN', { n: Number(parts[1]) + 1 }) : null;
  return member ? `${member} · ${t(key)}` : t(key);
}

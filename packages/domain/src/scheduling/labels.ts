// Catalog keys of the scheduling codes, written out so the catalog test sees each one used;
// shared by the notice (server) and the web app.
export const THIRD_PARTY_LABEL_KEYS = {
  lawyer: 'scheduling.thirdParties.lawyer', guardian: 'scheduling.thirdParties.guardian', doctor: 'scheduling.thirdParties.doctor',
  psychologist: 'scheduling.thirdParties.psychologist', trusted_person: 'scheduling.thirdParties.trusted_person', other: 'scheduling.thirdParties.other',
} as const;

export const MODALITY_LABEL_KEYS = {
  in_person: 'scheduling.modalities.in_person', telephone: 'scheduling.modalities.telephone', video: 'scheduling.modalities.video',
} as const;

export const APPOINTMENT_STATUS_LABEL_KEYS = {
  scheduled: 'scheduling.statuses.scheduled', held: 'scheduling.statuses.held', no_show: 'scheduling.statuses.no_show',
  cancelled: 'scheduling.statuses.cancelled', rescheduled: 'scheduling.statuses.rescheduled', postponed: 'scheduling.statuses.postponed',
} as const;

export const GUARANTEE_LABEL_KEYS = {
  fitness_for_interview: 'scheduling.guarantees.fitness_for_interview', representative: 'scheduling.guarantees.representative',
  interpreter_of_requested_sex: 'scheduling.guarantees.interpreter_of_requested_sex', medical_care: 'scheduling.guarantees.medical_care',
  protected_period: 'scheduling.guarantees.protected_period', legal_counsel: 'scheduling.guarantees.legal_counsel', other: 'scheduling.guarantees.other',
} as const;

export const SEX_LABEL_KEYS = {
  female: 'scheduling.sexes.female', male: 'scheduling.sexes.male', intersex: 'scheduling.sexes.intersex', unknown: 'scheduling.sexes.unknown',
} as const;

export const KIND_LABEL_KEYS = { staff: 'scheduling.kinds.staff', contracted: 'scheduling.kinds.contracted' } as const;

export const REQUEST_LABEL_KEYS = {
  officer_sex: 'scheduling.requests.officer_sex', interpreter_sex: 'scheduling.requests.interpreter_sex', third_party: 'scheduling.requests.third_party',
} as const;

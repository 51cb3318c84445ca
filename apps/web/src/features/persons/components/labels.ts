// Catalog keys written out, so the catalog test sees each one used (and a typo fails type-checking).
export const SEX_LABEL: Record<string, string> = {
  female: 'intake.sexes.female',
  male: 'intake.sexes.male',
  intersex: 'intake.sexes.intersex',
  unknown: 'intake.sexes.unknown',
};
export const DOCUMENT_TYPE_LABEL: Record<string, string> = {
  passport: 'intake.documentTypes.passport',
  national_id: 'intake.documentTypes.national_id',
  birth_certificate: 'intake.documentTypes.birth_certificate',
  travel_document: 'intake.documentTypes.travel_document',
  inm_document: 'intake.documentTypes.inm_document',
  other: 'intake.documentTypes.other',
};

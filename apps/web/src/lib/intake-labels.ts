// Intake vocabulary shown by several features (claims, referrals, gating rules).
// Catalog keys written out, so the catalog test sees each one used (and a typo fails type-checking).
export const CHANNEL_LABEL: Record<string, string> = {
  comar_office: 'intake.channels.comar_office',
  inm_referral: 'intake.channels.inm_referral',
  detention_centre: 'intake.channels.detention_centre',
  third_party: 'intake.channels.third_party',
};
export const RELATION_LABEL: Record<string, string> = {
  principal: 'intake.relations.principal',
  spouse: 'intake.relations.spouse',
  partner: 'intake.relations.partner',
  child: 'intake.relations.child',
  stepchild: 'intake.relations.stepchild',
  parent: 'intake.relations.parent',
  sibling: 'intake.relations.sibling',
  grandchild: 'intake.relations.grandchild',
  other_relative: 'intake.relations.other_relative',
  other: 'intake.relations.other',
};
export const CATEGORY_LABEL: Record<string, string> = {
  child: 'intake.categories.child',
  unaccompanied_child: 'intake.categories.unaccompanied_child',
  disability: 'intake.categories.disability',
  elderly: 'intake.categories.elderly',
  pregnant: 'intake.categories.pregnant',
  single_parent: 'intake.categories.single_parent',
  trafficking: 'intake.categories.trafficking',
  serious_illness: 'intake.categories.serious_illness',
  mental_disorder: 'intake.categories.mental_disorder',
  violence_survivor: 'intake.categories.violence_survivor',
  lgbtiq: 'intake.categories.lgbtiq',
};

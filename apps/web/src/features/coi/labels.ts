import type { CoiTopic } from '@refugio/domain';

// Catalog keys written out, so the catalog test sees each one used (and a typo fails type-checking).
export const COI_TOPIC_LABEL: Record<CoiTopic, string> = {
  security_situation: 'coi.topics.security_situation',
  armed_conflict: 'coi.topics.armed_conflict',
  gangs_organised_crime: 'coi.topics.gangs_organised_crime',
  extortion: 'coi.topics.extortion',
  forced_recruitment: 'coi.topics.forced_recruitment',
  gender_based_violence: 'coi.topics.gender_based_violence',
  domestic_violence: 'coi.topics.domestic_violence',
  sogi: 'coi.topics.sogi',
  children: 'coi.topics.children',
  indigenous_peoples: 'coi.topics.indigenous_peoples',
  political_opposition: 'coi.topics.political_opposition',
  journalists_defenders: 'coi.topics.journalists_defenders',
  religion: 'coi.topics.religion',
  state_protection: 'coi.topics.state_protection',
  internal_relocation: 'coi.topics.internal_relocation',
  human_trafficking: 'coi.topics.human_trafficking',
  health: 'coi.topics.health',
  documents_identity: 'coi.topics.documents_identity',
  return: 'coi.topics.return',
  other: 'coi.topics.other',
};

export const COI_LANGUAGE_LABEL: Record<string, string> = {
  es: 'coi.languages.es',
  en: 'coi.languages.en',
  fr: 'coi.languages.fr',
  pt: 'coi.languages.pt',
  ht: 'coi.languages.ht',
  other: 'coi.languages.other',
};

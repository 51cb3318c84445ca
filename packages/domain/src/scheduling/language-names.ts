// The roster's languages by name, from the catalogs: Intl does not name K'iche', Q'eqchi' or
// Garifuna in every browser. Keys written out, so the catalog test sees each one used.
import type { LanguageCode } from './scheduling.rules.ts';

export const LANGUAGE_NAME_KEYS: Record<LanguageCode, string> = {
  spa: 'scheduling.languages.spa', eng: 'scheduling.languages.eng', fra: 'scheduling.languages.fra', hat: 'scheduling.languages.hat',
  por: 'scheduling.languages.por', quc: 'scheduling.languages.quc', mam: 'scheduling.languages.mam', kek: 'scheduling.languages.kek',
  cab: 'scheduling.languages.cab', ara: 'scheduling.languages.ara', rus: 'scheduling.languages.rus', ukr: 'scheduling.languages.ukr',
  wol: 'scheduling.languages.wol', lin: 'scheduling.languages.lin', pus: 'scheduling.languages.pus', fas: 'scheduling.languages.fas',
  zho: 'scheduling.languages.zho', hin: 'scheduling.languages.hin', ben: 'scheduling.languages.ben', nep: 'scheduling.languages.nep',
  tzo: 'scheduling.languages.tzo', tzh: 'scheduling.languages.tzh', kaq: 'scheduling.languages.kaq', miq: 'scheduling.languages.miq',
};

/** UI sections of the catalogs (one JSON file per section and language). */
import esCommon from './es-MX/common.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import frCommon from './fr/common.json' with { type: 'json' };

export const uiCatalogs = {
  'es-MX': { common: esCommon },
  en: { common: enCommon },
  fr: { common: frCommon },
};

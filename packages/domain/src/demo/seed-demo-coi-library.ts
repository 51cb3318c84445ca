import type { Database } from '@refugio/db';
import { createCoiSource } from '../assessment/server/index.ts';
import type { TCoiSourceInput } from '../assessment/index.ts';
import { todayIn } from '../shared/time.ts';
import { demoContext } from './seed-demo-intake.ts';

/**
 * Public country reports as an officer would have filed them. Titles, publishers and dates are the
 * real documents'; the excerpts are summaries written for the demo, marked as such, and quote
 * nothing: a decision must cite the document itself.
 */
const SUMMARY = 'Resumen elaborado para la demostración de Refugio; no es una cita del documento.';
const SOURCES: Array<Omit<TCoiSourceInput, 'accessedOn'>> = [
  {
    title: '2023 Country Reports on Human Rights Practices: Honduras', publisher: 'U.S. Department of State', publishedOn: '2024-04-22',
    url: 'https://www.state.gov/reports/2023-country-reports-on-human-rights-practices/honduras/', language: 'en',
    countries: ['HND'], topics: ['security_situation', 'gangs_organised_crime', 'extortion', 'state_protection', 'gender_based_violence'],
    excerpt: `${SUMMARY} Informe anual sobre la situación de derechos humanos en Honduras: actuación de las fuerzas de seguridad, `
      + 'violencia de pandillas y extorsión, violencia contra las mujeres, acceso a la justicia y protección del Estado. '
      + 'Annual report on human rights in Honduras: security forces, gang violence and extortion, violence against women, access to justice.',
  },
  {
    title: '2023 Country Reports on Human Rights Practices: Guatemala', publisher: 'U.S. Department of State', publishedOn: '2024-04-22',
    url: 'https://www.state.gov/reports/2023-country-reports-on-human-rights-practices/guatemala/', language: 'en',
    countries: ['GTM'], topics: ['security_situation', 'indigenous_peoples', 'gangs_organised_crime', 'journalists_defenders', 'state_protection'],
    excerpt: `${SUMMARY} Informe anual sobre Guatemala: pueblos indígenas, personas defensoras de derechos humanos y periodistas, `
      + 'crimen organizado y capacidad de las instituciones de justicia. Annual report on Guatemala: indigenous peoples, human rights defenders, organised crime.',
  },
  {
    title: 'Informe Mundial 2024: Honduras', publisher: 'Human Rights Watch', publishedOn: '2024-01-11', url: 'https://www.hrw.org/es/world-report/2024/country-chapters/honduras', language: 'es', countries: ['HND'],
    topics: ['security_situation', 'state_protection', 'gender_based_violence', 'journalists_defenders'],
    excerpt: `${SUMMARY} Capítulo sobre Honduras del informe anual: estado de excepción, seguridad ciudadana, violencia contra las mujeres `
      + 'y personas defensoras, independencia judicial.',
  },
  {
    title: 'World Report 2024: Venezuela', publisher: 'Human Rights Watch', publishedOn: '2024-01-11', url: 'https://www.hrw.org/world-report/2024/country-chapters/venezuela', language: 'en', countries: ['VEN'],
    topics: ['political_opposition', 'journalists_defenders', 'health', 'state_protection'],
    excerpt: `${SUMMARY} Capítulo sobre Venezuela: persecución de la oposición política, detenciones arbitrarias, situación humanitaria y acceso a la salud. `
      + 'Chapter on Venezuela: persecution of political opponents, arbitrary detention, humanitarian situation.',
  },
  {
    title: 'Eligibility Guidelines for Assessing the International Protection Needs of Asylum-Seekers from El Salvador',
    publisher: 'UNHCR (ACNUR)', publishedOn: '2016-03-15', url: 'https://www.refworld.org', language: 'en',
    countries: ['SLV'], topics: ['gangs_organised_crime', 'forced_recruitment', 'children', 'sogi', 'state_protection', 'internal_relocation'],
    excerpt: `${SUMMARY} Directrices de elegibilidad de ACNUR para El Salvador: perfiles de riesgo frente a las maras y pandillas `
      + '(reclutamiento forzado de niñas, niños y adolescentes, personas LGBTI, comerciantes extorsionados), protección del Estado y alternativa de huida interna. '
      + 'Publicadas en 2016: la biblioteca las marca como anteriores al límite de antigüedad.',
  },
];

/**
 * A few public COI sources in the library, added through the use case as the office's supervisor
 * (audited), so the library page and the assessment's citations do not open empty. Not part of the
 * test template.
 */
export async function seedDemoCoiLibrary(db: Database): Promise<void> {
  const supervisor = await demoContext(db, 'supervisor');
  // Consulted the day they were filed, as an officer would record it.
  for (const source of SOURCES) await createCoiSource(db, supervisor, { input: { ...source, accessedOn: todayIn() } });
}

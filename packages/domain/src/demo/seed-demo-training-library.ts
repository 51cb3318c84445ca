import type { Database, Queryable } from '@refugio/db';
import { addGuideLink, certifyTrainer, createTrainer, setGuideModuleLink } from '../training/server/index.ts';
import { demoContext } from './seed-demo-intake.ts';

/** Public practical guides, linked to the modules they prepare for (sent to participants before training, as in the Mexico action). */
const GUIDES = [
  {
    code: 'euaa-personal-interview', language: 'en', title: 'EUAA Practical guide: Personal interview',
    url: 'https://euaa.europa.eu/publications/practical-guide-personal-interview', modules: ['IT', 'ITC', 'IVP'],
  },
  {
    code: 'euaa-evidence-assessment', language: 'en', title: 'EUAA Practical guide: Evidence assessment',
    url: 'https://euaa.europa.eu/publications/practical-guide-evidence-assessment', modules: ['EA'],
  },
  {
    code: 'unhcr-beyond-proof', language: 'en', title: 'UNHCR, Beyond Proof: Credibility Assessment in EU Asylum Systems',
    url: 'https://www.refworld.org/docid/519b1fb54.html', modules: ['EA'],
  },
  {
    code: 'unhcr-child-asylum-claims', language: 'en', title: 'UNHCR Guidelines on International Protection No. 8: Child Asylum Claims',
    url: 'https://www.refworld.org/docid/4b2f4f6d2.html', modules: ['ITC'],
  },
] as const;

const moduleIds = async (db: Queryable) =>
  new Map((await db.query<{ code: string; id: string }>('SELECT code, id FROM training_modules WHERE operation_id = 1')).rows.map((r) => [r.code, r.id]));

/**
 * The guides library and the trainer roster as a coordinator would have filled them: four public
 * guides linked to their modules; the demo trainer (`formador`) as a national trainer certified
 * for Interview techniques and Interviewing children, and a visiting EUAA expert. Written through
 * the use cases (audited), as the coordinator. Not part of the test template.
 */
export async function seedDemoTrainingLibrary(db: Database): Promise<void> {
  const coordinator = await demoContext(db, 'capacitacion');
  const modules = await moduleIds(db);
  for (const { modules: codes, ...guide } of GUIDES) {
    await addGuideLink(db, coordinator, guide);
    for (const code of codes) await setGuideModuleLink(db, coordinator, guide.code, modules.get(code)!, true);
  }
  const { rows } = await db.query<{ id: string; full_name: string; email: string }>(`SELECT id, full_name, email FROM users WHERE username = 'formador'`);
  const user = rows[0]!;
  const national = await createTrainer(db, coordinator, {
    userId: user.id, fullName: user.full_name, organisation: 'COMAR', countryCode: 'MX', languages: ['es', 'en'], email: user.email,
  });
  await certifyTrainer(db, coordinator, national.id, modules.get('IT')!, { certifiedOn: '2024-02-16', expiresOn: '2027-02-16' });
  await certifyTrainer(db, coordinator, national.id, modules.get('ITC')!, { certifiedOn: '2024-06-14', expiresOn: '2027-06-14' });
  const expert = await createTrainer(db, coordinator, {
    userId: null, fullName: 'Elena Marković', organisation: 'EUAA (Agencia de Asilo de la Unión Europea)', countryCode: 'MT',
    languages: ['en', 'es', 'hr'], email: null,
  });
  for (const code of ['IT', 'EA', 'ITC', 'TTT']) {
    await certifyTrainer(db, coordinator, expert.id, modules.get(code)!, { certifiedOn: '2023-09-01', expiresOn: null });
  }
}

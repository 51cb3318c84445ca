// The country-of-origin information library (ADR 029): sources added with their dates, countries
// and topics; full-text search in Spanish and English with accents folded, filtered and ranked;
// the age mark in lists and citations, set per authority; the PDF kept with its SHA-256; retiring;
// who may do what; bad input named field by field; the audit trail.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCoiSearchResult, TCoiSource } from '@refugio/domain';
import { formatCoiCitation, seedDemoCoiLibrary, translate } from '@refugio/domain/server';
import { SESSION_COOKIE } from '../../plugins/access.ts';
import { auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';

let t: TestApp;
let officer: TestSession;
let supervisor: TestSession;
let observer: TestSession;
let clerk: TestSession;

const year = new Date().getUTCFullYear();
const today = new Date().toISOString().slice(0, 10);
/** A word no other source has, so each search reads only this file's sources. */
const tag = `k${randomBytes(4).toString('hex')}`;
const PDF = Buffer.from(`%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF ${tag}\n`);

const source = (overrides: Record<string, unknown> = {}) => ({
  title: `Honduras: violencia de pandillas y extorsión ${tag}`, publisher: 'ACNUR', publishedOn: `${year - 1}-05-10`, accessedOn: today,
  url: 'https://www.refworld.org/honduras', language: 'es', countries: ['HND'], topics: ['gangs_organised_crime', 'extortion'],
  excerpt: 'Las maras controlan barrios enteros y cobran la «renta» a comerciantes y transportistas.', ...overrides,
});
const add = async (body: Record<string, unknown>, session = officer) => {
  const res = await call(t.app, 'POST', '/api/coi-sources', { session, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<TCoiSource>();
};
const search = async (query: Record<string, string>, session = officer) => {
  const res = await call(t.app, 'GET', `/api/coi-sources?${new URLSearchParams(query).toString()}`, { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TCoiSearchResult>();
};
const titles = (result: TCoiSearchResult) => result.items.map((s) => s.title.replace(` ${tag}`, ''));
function attach(session: TestSession, id: string, body: Buffer, fileName = 'Informe Honduras.pdf') {
  return t.app.inject({
    method: 'PUT', url: `/api/coi-sources/${id}/file?fileName=${encodeURIComponent(fileName)}`, payload: body,
    headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken, 'content-type': 'application/pdf' },
  });
}

let gangs: TCoiSource;
let women: TCoiSource;
let recruitment: TCoiSource;
let old: TCoiSource;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'elegibilidad');
  supervisor = await loginAs(t.app, 'supervisor');
  observer = await loginAs(t.app, 'acnur');
  clerk = await loginAs(t.app, 'registro');
  gangs = await add(source());
  women = await add(source({
    title: `Guatemala: violación y violencia sexual contra mujeres indígenas ${tag}`, publisher: 'Human Rights Watch', countries: ['GTM'],
    topics: ['gender_based_violence', 'indigenous_peoples'], publishedOn: `${year - 2}-02-01`,
    excerpt: 'Las denuncias de violación rara vez llegan a juicio; la protección del Estado es limitada en zonas rurales.',
  }));
  recruitment = await add(source({
    title: `El Salvador: forced recruitment of children by gangs ${tag}`, publisher: 'U.S. Department of State', language: 'en',
    countries: ['SLV', 'HND'], topics: ['forced_recruitment', 'children'], publishedOn: `${year - 1}-03-30`,
    excerpt: 'Gangs recruit boys as young as twelve; refusing recruitment exposes the family to threats.',
  }));
  old = await add(source({
    title: `Honduras: situación de seguridad ${tag}`, publisher: 'EUAA', publishedOn: `${year - 6}-01-15`, topics: ['security_situation'],
    excerpt: 'Panorama general de la seguridad ciudadana; menciona de paso a las pandillas.',
  }));
});
afterAll(async () => {
  await t?.close();
});

describe('adding a source', () => {
  it('stores what identifies it and answers with its citation, audited', async () => {
    expect(gangs).toMatchObject({
      publisher: 'ACNUR', countries: ['HND'], topics: ['gangs_organised_crime', 'extortion'], status: 'active', file: null, outdated: false,
      createdBy: 'Ana Elegibilidad Torres',
    });
    expect(gangs.citation).toBe(formatCoiCitation(
      { publisher: 'ACNUR', title: gangs.title, publishedOn: gangs.publishedOn, url: gangs.url, accessedOn: today }, 'es-MX'));
    expect(gangs.citation).toMatch(/^ACNUR, «Honduras: violencia de pandillas y extorsión k[0-9a-f]+», 10 de mayo de \d{4}, https:\/\/www\.refworld\.org\/honduras \(consultado el /);
    expect((await auditEvents(t.db, 'coi_source.created')).find((e) => e.entity_id === gangs.id)).toMatchObject({
      actor_username: 'elegibilidad', details: { publisher: 'ACNUR', countries: ['HND'], topics: ['gangs_organised_crime', 'extortion'] },
    });
  });

  it('names every bad field in the reader\'s language', async () => {
    const res = await call(t.app, 'POST', '/api/coi-sources', {
      session: officer, headers: { 'accept-language': 'en' },
      body: source({ title: '', url: 'ftp://x', countries: ['Honduras'], topics: ['weather'], language: 'xx' }),
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res).map((e) => e.field).toSorted()).toEqual(['countries.0', 'language', 'title', 'topics.0', 'url']);
    const dates = await call(t.app, 'POST', '/api/coi-sources', { session: officer, body: source({ publishedOn: `${year + 1}-01-01`, accessedOn: `${year - 3}-01-01` }) });
    const body = expectProblem(dates, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([
      { field: 'publishedOn', code: 'validation.date_in_future', message: translate('es-MX', 'validation.date_in_future') },
      { field: 'accessedOn', code: 'validation.before_publication', message: 'No puede ser anterior a la fecha de publicación.' },
    ]);
    expect(fieldErrors(await call(t.app, 'POST', '/api/coi-sources', { session: officer, body: source({ countries: [] }) })))
      .toEqual([{ field: 'countries', code: 'validation.too_few_items' }]);
  });

  it('creates once per Idempotency-Key', async () => {
    const body = source({ title: `Honduras: desplazamiento interno ${tag}`, topics: ['internal_relocation'] });
    const headers = { 'idempotency-key': `coi-${tag}-1` };
    const first = await call(t.app, 'POST', '/api/coi-sources', { session: officer, body, headers });
    const again = await call(t.app, 'POST', '/api/coi-sources', { session: officer, body, headers });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<TCoiSource>().id).toBe(first.json<TCoiSource>().id);
    expect((await search({ q: `desplazamiento ${tag}` })).total).toBe(1);
  });
});

describe('searching', () => {
  it('folds accents both ways and stems Spanish', async () => {
    expect(titles(await search({ q: `violacion ${tag}` }))).toEqual(['Guatemala: violación y violencia sexual contra mujeres indígenas']);
    expect(titles(await search({ q: `indigena ${tag}` }))).toEqual(['Guatemala: violación y violencia sexual contra mujeres indígenas']);
    // "extorsion" without its accent, "pandilla" in the singular.
    expect(titles(await search({ q: `extorsion pandilla ${tag}` }))).toEqual(['Honduras: violencia de pandillas y extorsión']);
  });

  it('reads English and stems it', async () => {
    expect(titles(await search({ q: `recruiting gang ${tag}` }))).toEqual(['El Salvador: forced recruitment of children by gangs']);
    expect(titles(await search({ q: `"forced recruitment" ${tag}` }))).toEqual(['El Salvador: forced recruitment of children by gangs']);
    expect(titles(await search({ q: `"recruitment forced" ${tag}` }))).toEqual([]);
  });

  it('finds a publisher by name', async () => {
    expect(titles(await search({ q: `Human Rights Watch ${tag}` }))).toEqual(['Guatemala: violación y violencia sexual contra mujeres indígenas']);
  });

  it('ranks a source that names the subject in its title above one that mentions it in passing', async () => {
    expect(titles(await search({ q: `pandillas ${tag}` }))).toEqual([
      'Honduras: violencia de pandillas y extorsión', 'Honduras: situación de seguridad',
    ]);
    const ranks = (await search({ q: `pandillas ${tag}` })).items.map((s) => s.rank!);
    expect(ranks[0]).toBeGreaterThan(ranks[1]!);
  });

  it('filters by country, topic and date of publication, and lists the newest first without words', async () => {
    expect(titles(await search({ q: tag, country: 'HND' })).toSorted()).toEqual([
      'El Salvador: forced recruitment of children by gangs', 'Honduras: desplazamiento interno', 'Honduras: situación de seguridad',
      'Honduras: violencia de pandillas y extorsión',
    ]);
    expect(titles(await search({ q: tag, topic: 'children' }))).toEqual(['El Salvador: forced recruitment of children by gangs']);
    expect(titles(await search({ q: tag, publishedFrom: `${year - 2}-01-01`, publishedTo: `${year - 2}-12-31` })))
      .toEqual(['Guatemala: violación y violencia sexual contra mujeres indígenas']);
    const newest = (await search({ country: 'SLV' })).items.map((s) => s.id);
    expect(newest).toContain(recruitment.id);
    const dates = (await search({ country: 'HND' })).items.map((s) => s.publishedOn);
    expect(dates).toEqual(dates.toSorted().toReversed());
  });

  it('answers an empty list for words nobody wrote, and tolerates stray punctuation', async () => {
    expect(await search({ q: `zzyzx ${tag}` })).toMatchObject({ items: [], total: 0 });
    expect((await search({ q: `pandillas & | ! ( ${tag}` })).total).toBe(2);
  });
});

describe('a word much of the library contains (ADR 056)', () => {
  const word = `w${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    // 1,050 sources with the word, one a month back from last month; the oldest names it three times in its title.
    await t.db.query(
      `INSERT INTO coi_sources (title, publisher, published_on, accessed_on, language, countries, topics, excerpt)
       SELECT CASE WHEN i = 1050 THEN '${word} ${word} ${word}: el más antiguo' ELSE 'Informe ' || i END, 'ACNUR',
              (date_trunc('month', now()) - make_interval(months => i))::date, now()::date, 'es', '{HND}', '{extortion}',
              CASE WHEN i = 7 THEN '${word} ${word} en el informe siete' ELSE 'Texto que menciona ${word} una vez entre otras muchas palabras' END
         FROM generate_series(1, 1050) AS i`);
  });

  it('ranks the 1,000 newest matches and says that more exist', async () => {
    const first = await search({ q: word, limit: '10' });
    expect(first).toMatchObject({ total: 1000, more: true });
    expect(first.items).toHaveLength(10);
    // The newest matches ranked by relevance: the seventh newest names it twice in its excerpt.
    expect(first.items[0]!.title).toBe('Informe 7');
    expect(first.items.slice(1).map((s) => s.publishedOn)).toEqual(first.items.slice(1).map((s) => s.publishedOn).toSorted().toReversed());
    // The oldest, past the cap, is not read: narrowing the search finds it.
    expect((await search({ q: `${word} antiguo` })).items.map((s) => s.title)).toEqual([`${word} ${word} ${word}: el más antiguo`]);
  });

  it('pages through the ranked set without repeating a source, up to its end', async () => {
    const seen = new Set<string>();
    for (const offset of [0, 100, 990]) {
      const page = await search({ q: word, limit: '100', offset: String(offset) });
      for (const item of page.items) seen.add(item.id);
      expect(page.items).toHaveLength(offset === 990 ? 10 : 100);
    }
    expect(seen.size).toBe(210);
    const past = await call(t.app, 'GET', `/api/coi-sources?q=${word}&offset=1000`, { session: officer });
    expectProblem(past, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(past).map((e) => e.field)).toEqual(['querystring:offset']);
  });

  it('counts exactly below the cap, with filters and without words', async () => {
    expect(await search({ q: word, publishedFrom: `${year - 5}-01-01` })).toMatchObject({ more: false });
    const recent = await search({ q: word, publishedFrom: `${year - 5}-01-01` });
    expect(recent.total).toBeGreaterThan(50);
    expect(recent.total).toBeLessThan(80);
    expect(await search({ country: 'HND', topic: 'extortion' })).toMatchObject({ total: 1000, more: true });
  });
});

describe('the age mark', () => {
  it('marks a source older than the authority\'s limit (3 years by default) when listed and when cited', async () => {
    const result = await search({ q: `seguridad ${tag}` });
    expect(result.maxAgeYears).toBe(3);
    expect(result.items[0]).toMatchObject({ id: old.id, outdated: true });
    expect(result.items[0]!.citation).toMatch(/\[Fuente con más de 3 años\]$/);
    expect(old).toMatchObject({ outdated: true });
    expect(gangs.citation).not.toContain('Fuente con más de');
    // The signed-in reader's own language (ADR 007): the auditor reads in English.
    const auditor = await loginAs(t.app, 'auditor');
    expect((await call(t.app, 'PUT', '/api/auth/language', { session: auditor, body: { language: 'en' } })).statusCode).toBeLessThan(300);
    const english = await call(t.app, 'GET', `/api/coi-sources/${old.id}`, { session: auditor });
    expect(english.json<TCoiSource>().citation).toMatch(/^EUAA, “Honduras: situación de seguridad k[0-9a-f]+”, 15 January \d{4}, .* \(accessed .*\)\. \[Source more than 3 years old\]$/);
  });

  it('follows the limit the authority sets, with versions and an audit event', async () => {
    const current = (await call(t.app, 'GET', '/api/coi-settings', { session: supervisor })).json();
    expect(current).toEqual({ maxAgeYears: 3, isDefault: true, version: 0 });
    expectProblem(await call(t.app, 'PUT', '/api/coi-settings', { session: officer, body: { version: 0, maxAgeYears: 10 } }), 403, 'FORBIDDEN');
    expect(fieldErrors(await call(t.app, 'PUT', '/api/coi-settings', { session: supervisor, body: { version: 0, maxAgeYears: 0 } })))
      .toEqual([{ field: 'maxAgeYears', code: 'validation.too_small' }]);
    const set = await call(t.app, 'PUT', '/api/coi-settings', { session: supervisor, body: { version: 0, maxAgeYears: 10 } });
    expect(set.json()).toEqual({ maxAgeYears: 10, isDefault: false, version: 1 });
    const stale = expectProblem(await call(t.app, 'PUT', '/api/coi-settings', { session: supervisor, body: { version: 0, maxAgeYears: 2 } }), 409, 'VERSION_CONFLICT');
    expect(stale.current).toEqual({ maxAgeYears: 10, isDefault: false, version: 1 });
    expect((await search({ q: `seguridad ${tag}` })).items[0]).toMatchObject({ id: old.id, outdated: false });
    expect((await auditEvents(t.db, 'coi.settings_updated')).at(-1)).toMatchObject({ actor_username: 'supervisor', details: { before: { maxAgeYears: 3 }, after: { maxAgeYears: 10 } } });
    await call(t.app, 'PUT', '/api/coi-settings', { session: supervisor, body: { version: 1, maxAgeYears: 3 } });
  });
});

describe('the PDF', () => {
  it('is kept with its SHA-256, downloaded as stored, and never replaced', async () => {
    const res = await attach(officer, gangs.id, PDF);
    expect(res.statusCode, res.body).toBe(200);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(res.json<TCoiSource>()).toMatchObject({ file: { fileName: 'Informe Honduras.pdf', sha256, sizeBytes: PDF.length }, version: 2 });
    const download = await call(t.app, 'GET', `/api/coi-sources/${gangs.id}/file`, { session: observer });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-sha256']).toBe(sha256);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(expectProblem(await attach(officer, gangs.id, PDF), 409, 'INVALID_STATE').reason).toBe('file_attached');
    expect((await auditEvents(t.db, 'coi_source.file_attached')).at(-1)).toMatchObject({ entity_id: gangs.id, details: { sha256, sizeBytes: PDF.length } });
  });

  it('refuses what is not a PDF, and a source someone else added unless one curates the library', async () => {
    const notPdf = await attach(officer, women.id, Buffer.from('GIF89a not a pdf'));
    expectProblem(notPdf, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(notPdf)).toEqual([{ field: 'file', code: 'validation.not_pdf' }]);
    const bySupervisor = await add(source({ title: `Honduras: periodistas ${tag}`, topics: ['journalists_defenders'] }), supervisor);
    expectProblem(await attach(officer, bySupervisor.id, PDF), 403, 'FORBIDDEN');
    expect((await attach(supervisor, women.id, PDF)).statusCode).toBe(200);
    expectProblem(await call(t.app, 'GET', `/api/coi-sources/${recruitment.id}/file`, { session: officer }), 404, 'NOT_FOUND');
  });
});

describe('retiring', () => {
  it('takes the source out of the search, keeps it readable, and needs the curator\'s permission and the version read', async () => {
    expectProblem(await call(t.app, 'POST', `/api/coi-sources/${old.id}/retire`, { session: officer, body: { version: old.version, reason: 'Superada' } }), 403, 'FORBIDDEN');
    const stale = await call(t.app, 'POST', `/api/coi-sources/${old.id}/retire`, { session: supervisor, body: { version: old.version + 5, reason: 'Superada' } });
    expect(expectProblem(stale, 409, 'VERSION_CONFLICT').current).toMatchObject({ id: old.id, status: 'active' });
    const res = await call(t.app, 'POST', `/api/coi-sources/${old.id}/retire`, { session: supervisor, body: { version: old.version, reason: 'Superada por la edición más reciente' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TCoiSource>()).toMatchObject({ status: 'retired', retiredReason: 'Superada por la edición más reciente' });
    expect((await search({ q: `seguridad ${tag}` })).total).toBe(0);
    expect((await search({ q: `seguridad ${tag}`, includeRetired: 'true' })).items.map((s) => s.id)).toEqual([old.id]);
    expectProblem(await call(t.app, 'POST', `/api/coi-sources/${old.id}/retire`, { session: supervisor, body: { version: 2, reason: 'Otra vez' } }), 409, 'INVALID_STATE');
    expect((await auditEvents(t.db, 'coi_source.retired')).at(-1)).toMatchObject({ entity_id: old.id, details: { reason: 'Superada por la edición más reciente', citedBy: 0 } });
  });
});

describe('who reads the library', () => {
  it('the observer reads it (public information, no personal data) but adds nothing; a clerk does not read it', async () => {
    expect((await search({ q: tag }, observer)).total).toBeGreaterThan(0);
    expectProblem(await call(t.app, 'POST', '/api/coi-sources', { session: observer, body: source() }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'GET', '/api/coi-sources', { session: clerk }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'GET', `/api/coi-sources/${gangs.id}`, { session: clerk }), 403, 'FORBIDDEN');
  });

  it('another operation\'s id is not found', async () => {
    expectProblem(await call(t.app, 'GET', '/api/coi-sources/00000000-0000-4000-8000-000000000000', { session: officer }), 404, 'NOT_FOUND');
  });
});

describe('the demo library', () => {
  it('holds public reports, one past the age limit, with summaries marked as such', async () => {
    await seedDemoCoiLibrary(t.db);
    const state = await search({ q: 'Honduras', country: 'HND' });
    expect(state.items.map((s) => s.publisher)).toEqual(expect.arrayContaining(['U.S. Department of State', 'Human Rights Watch']));
    const salvador = (await search({ q: 'maras pandillas', country: 'SLV' })).items.find((s) => s.publisher === 'UNHCR (ACNUR)');
    expect(salvador).toMatchObject({ outdated: true, publishedOn: '2016-03-15' });
    expect(salvador!.excerpt).toMatch(/^Resumen elaborado para la demostración de Refugio; no es una cita del documento\./);
  });
});

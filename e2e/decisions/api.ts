// Set-up for decision journeys through the API, as the signed-in user of the page: a claim at COMAR
// Tapachula assigned to the eligibility officer, interviewed (a signed record), under assessment
// with three facts concluded (accepted, benefit of the doubt, rejected) citing two COI sources.
import { expect, type Page } from '@playwright/test';
import { signIn } from '../support.ts';
import { csrf, registeredClaim, ROSA, signedInterview, throughSteps, type Claim } from '../interviews/api.ts';

async function send<T>(page: Page, method: 'POST' | 'PUT', url: string, data: unknown): Promise<T> {
  const res = await page.request.fetch(url, { method, headers: { 'x-csrf-token': await csrf(page) }, data });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return await res.json() as T;
}

async function userId(page: Page, username: string): Promise<string> {
  const res = await page.request.get(`/api/users?q=${username}`);
  const users = (await res.json() as { items: Array<{ id: string; username: string }> }).items;
  return users.find((u) => u.username === username)!.id;
}

/** The training coordinator records that the supervisor holds the drafting competency (she reviews drafts). */
export async function grantDrafting(page: Page, username: string): Promise<void> {
  await signIn(page, 'capacitacion');
  await send(page, 'POST', '/api/competency-grants', {
    userId: await userId(page, username), competencyCode: 'drafting_decisions', source: 'external_certificate',
    evidence: 'Constancia EUAA: Redacción y toma de decisiones', grantedOn: '2025-01-15', expiresOn: null,
  });
}

/** Registered (with a partner when asked), admitted, scheduled and assigned to the eligibility officer by the supervisor. */
export async function assignedClaim(page: Page, options: { partner?: boolean } = {}): Promise<Claim> {
  await signIn(page, 'supervisor');
  const members: unknown[] = [{ relation: 'principal', person: ROSA }];
  if (options.partner) {
    members.push({ relation: 'partner', person: {
      givenNames: 'Luis Alberto', firstSurname: 'Peña', sex: 'male', birthDate: '1986-03-11', nationalities: ['HND'], languages: ['es'] } });
  }
  const claim = await throughSteps(page, await registeredClaim(page, { members }), ['admit', 'schedule-interview']);
  const officers = await (await page.request.get(`/api/claims/${claim.id}/assignable-officers`)).json() as Array<{ id: string; username: string }>;
  const officer = officers.find((o) => o.username === 'elegibilidad')!;
  return send<Claim>(page, 'POST', `/api/claims/${claim.id}/assignment`, { version: claim.version, officerId: officer.id, reason: null, overrideGating: false });
}

interface Fact { id: string; version: number }

async function concludedFact(page: Page, claimId: string, kind: string, statement: string, conclusion: Record<string, unknown>, sources: string[]): Promise<void> {
  const fact = await send<Fact>(page, 'POST', `/api/claims/${claimId}/assessment/facts`, { kind, statement });
  for (const source of sources) {
    await send(page, 'POST', `/api/claims/${claimId}/assessment/facts/${fact.id}/evidence`, {
      kind: 'coi', description: 'Situación en el país de origen', coiSourceId: source, coiPassage: 'Las pandillas cobran renta a los pequeños comercios y matan a quien no paga.',
    });
  }
  const latest = (await (await page.request.get(`/api/claims/${claimId}/assessment`)).json() as { facts: Fact[] }).facts.find((f) => f.id === fact.id)!;
  await send(page, 'PUT', `/api/claims/${claimId}/assessment/facts/${fact.id}`, {
    version: latest.version, kind, statement, sensitive: false, sufficiency: 'positive', internalConsistency: 'positive', externalConsistency: 'positive',
    plausibility: 'positive', chanceToExplain: null, ...conclusion,
  });
}

/**
 * As the eligibility officer: the interview conducted and signed, the assessment opened, two COI
 * sources in the library, three facts concluded with reasons citing them, Cartagena circumstances.
 */
export async function assessedClaim(page: Page, claim: Claim): Promise<void> {
  await signIn(page, 'elegibilidad');
  await signedInterview(page, claim);
  const current = await (await page.request.get(`/api/claims/${claim.id}`)).json() as Claim;
  const assessment = await send<{ version: number }>(page, 'POST', `/api/claims/${claim.id}/assessment/open`, { version: current.version });
  const today = new Date().toISOString().slice(0, 10);
  const sources: string[] = [];
  for (const [title, publishedOn] of [['Honduras: violencia de pandillas y extorsión a comerciantes', '2025-06-01'], ['Honduras: protección estatal a víctimas de extorsión', '2025-09-15']]) {
    const source = await send<{ id: string }>(page, 'POST', '/api/coi-sources', {
      title, publisher: 'ACNUR', publishedOn, accessedOn: today, url: null, language: 'es', countries: ['HND'], topics: ['gangs_organised_crime'], excerpt: 'Resumen',
    });
    sources.push(source.id);
  }
  await concludedFact(page, claim.id, 'nationality', 'Es de nacionalidad hondureña', { conclusion: 'accepted', reasons: 'Pasaporte hondureño vigente y declaración coherente' }, []);
  await concludedFact(page, claim.id, 'past_event', 'La pandilla le exigió renta por su tienda y la amenazó de muerte', {
    conclusion: 'benefit_of_doubt', reasons: 'Relato detallado y coherente con la información del país; no pudo conseguir la denuncia',
    bodGenuineEffort: true, bodEvidenceSubmitted: true, bodCoherentPlausible: true, bodTimely: true, bodGenerallyCredible: true,
  }, sources);
  await concludedFact(page, claim.id, 'other', 'La policía se negó a recibir su denuncia', { conclusion: 'rejected', reasons: 'Versiones contradictorias sobre la fecha y el lugar' }, []);
  const a = await (await page.request.get(`/api/claims/${claim.id}/assessment`)).json() as { version: number };
  await send(page, 'PUT', `/api/claims/${claim.id}/assessment/analysis`, {
    version: Math.max(a.version, assessment.version), riskAssessment: 'Riesgo real de daño grave a manos de la pandilla en todo el territorio', conventionGrounds: [], nexus: '',
    cartagenaCircumstances: ['generalized_violence'], cartagenaAnalysis: 'La violencia generalizada de las pandillas amenaza su vida y su seguridad.',
    surPlace: false, surPlaceAnalysis: '', actorsOfPersecution: 'Pandilla', actorsOfProtection: 'La policía no protege', internalProtectionAlternative: 'No existe',
    exclusionConsidered: false, exclusionAnalysis: '', complementaryProtection: '',
  });
}

// Set-up for interview journeys through the API, as the signed-in user of the page: a claim at
// COMAR Tapachula taken to "interview scheduled", and an interview conducted and signed.
import { expect, type Page } from '@playwright/test';

/** A small valid PNG, as the signature canvas sends one. */
export const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(url, { headers: { 'x-csrf-token': await csrf(page) }, data });
  expect(res.ok(), `${url}: ${await res.text()}`).toBe(true);
  return await res.json() as T;
}

export interface Claim { id: string; version: number; claimNumber: string; members: Array<{ relation: string; person: { id: string } }> }

/** The adult most journeys register. */
export const ROSA = { givenNames: 'Rosa Elvira', firstSurname: 'Maldonado', sex: 'female', birthDate: '1988-06-02', nationalities: ['HND'], languages: ['es'] };

/** A claim registered at COMAR Tapachula by the signed-in user: Rosa alone unless members (and flags) are given. */
export async function registeredClaim(page: Page, body: { members?: unknown[]; flags?: unknown[] } = {}): Promise<Claim> {
  const offices = await (await page.request.get('/api/offices')).json() as Array<{ id: string; code: string }>;
  return post<Claim>(page, '/api/claims', {
    officeId: offices.find((o) => o.code === 'COMAR-TAP')!.id, channel: 'comar_office',
    members: body.members ?? [{ relation: 'principal', person: ROSA }], ...(body.flags ? { flags: body.flags } : {}),
  });
}

/** Takes the claim through the steps that need only its version (admit, schedule-interview, …), in order. */
export async function throughSteps(page: Page, claim: Claim, steps: string[]): Promise<Claim> {
  for (const step of steps) claim = await post<Claim>(page, `/api/claims/${claim.id}/${step}`, { version: claim.version });
  return claim;
}

/** A claim of an adult at COMAR Tapachula, registered, admitted and with its interview scheduled, by the signed-in user. */
export async function scheduledClaim(page: Page, person: Record<string, unknown> = {}): Promise<Claim> {
  const claim = await registeredClaim(page, { members: [{ relation: 'principal', person: { ...ROSA, ...person } }] });
  return throughSteps(page, claim, ['admit', 'schedule-interview']);
}

/** Starts an interview of the claim's principal on a published questionnaire (by code), as the signed-in user. */
export async function startInterview(page: Page, claim: Claim, templateCode: string): Promise<{ id: string; version: number }> {
  const options = await (await page.request.get(`/api/claims/${claim.id}/interview-options`)).json() as { templates: Array<{ id: string; code: string }> };
  const principal = claim.members.find((m) => m.relation === 'principal')!.person.id;
  return post(page, `/api/claims/${claim.id}/interviews`, {
    personId: principal, templateId: options.templates.find((t) => t.code === templateCode)!.id, language: 'es',
  });
}

/** Conducts a whole interview through the API: started, read back, signed by the applicant (drawn) and the signed-in officer. */
export async function signedInterview(page: Page, claim: Claim): Promise<void> {
  const interview = await startInterview(page, claim, 'comar_elegibilidad');
  await post(page, `/api/interviews/${interview.id}/read-back`, { version: interview.version });
  await post(page, `/api/interviews/${interview.id}/signatures`, { role: 'applicant', method: 'drawn', signerName: 'Rosa Elvira Maldonado', image: SIGNATURE_PNG });
  await post(page, `/api/interviews/${interview.id}/signatures`, { role: 'officer', method: 'attested', signerName: 'Oficial' });
}

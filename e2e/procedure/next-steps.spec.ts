// The procedure's steps in Spanish: a claim's page lists, for its status, the steps it allows and
// each safeguard as it stands (four eyes: whoever submitted the draft for review cannot approve it,
// a colleague can); the administrator reads every step with its safeguards, effects and sources,
// and switches a safeguard off for one institution with a written reason, then back on.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';
import { csrf, registeredClaim, scheduledClaim, signedInterview, type Claim } from '../interviews/api.ts';
import { grantDrafting } from '../decisions/api.ts';

/** A claim at COMAR Tapachula taken by the signed-in user up to "in review". */
async function claimInReview(page: Page): Promise<string> {
  const token = await csrf(page);
  let claim = await scheduledClaim(page);
  // The claim is recorded as interviewed only by a signed interview record (ADR 025).
  await signedInterview(page, claim);
  claim = await (await page.request.get(`/api/claims/${claim.id}`)).json() as Claim;
  const started = await page.request.post(`/api/claims/${claim.id}/start-assessment`, { headers: { 'x-csrf-token': token }, data: { version: claim.version } });
  expect(started.status(), await started.text()).toBe(200);
  claim = await started.json() as Claim;
  await concludeOneFact(page, token, claim.id);
  // The draft and its submission go through the decision's own record (ADR 030), to a reviewer who drafts decisions.
  const draft = await page.request.post(`/api/claims/${claim.id}/decision`, {
    headers: { 'x-csrf-token': token }, data: { version: claim.version, outcome: 'refugee_convention' },
  });
  expect(draft.status(), await draft.text()).toBe(201);
  const { decision } = await draft.json() as { decision: { version: number } };
  const reviewers = await (await page.request.get(`/api/claims/${claim.id}/decision/reviewers`)).json() as Array<{ id: string; username: string; fullName: string }>;
  const reviewer = reviewers.find((r) => r.username === 'registro');
  expect(reviewer, JSON.stringify(reviewers)).toBeDefined();
  const submitted = await page.request.post(`/api/claims/${claim.id}/decision/submit`, {
    headers: { 'x-csrf-token': token }, data: { version: decision.version, reviewerId: reviewer!.id },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  return claim.id;
}

/** A decision is drafted only from an assessment whose facts are all concluded with reasons (ADR 029). */
async function concludeOneFact(page: Page, token: string, claimId: string): Promise<void> {
  const added = await page.request.post(`/api/claims/${claimId}/assessment/facts`, {
    headers: { 'x-csrf-token': token }, data: { kind: 'nationality', statement: 'Es de nacionalidad hondureña' },
  });
  expect(added.status(), await added.text()).toBe(201);
  const fact = await added.json() as { id: string; version: number };
  const concluded = await page.request.put(`/api/claims/${claimId}/assessment/facts/${fact.id}`, {
    headers: { 'x-csrf-token': token },
    data: {
      version: fact.version, kind: 'nationality', statement: 'Es de nacionalidad hondureña', sensitive: false, sufficiency: 'positive',
      internalConsistency: 'positive', externalConsistency: 'positive', plausibility: 'positive', chanceToExplain: null, conclusion: 'accepted',
      reasons: 'Pasaporte hondureño vigente y declaración coherente',
    },
  });
  expect(concluded.status(), await concluded.text()).toBe(200);
}

test('a claim shows its next steps and what each is missing; the administrator reads and switches safeguards', async ({ page }) => {
  // Five sign-ins and three axe runs: longer than one page's default.
  test.setTimeout(150_000);
  let claimId = '';
  await test.step('whoever submitted the draft for review sees "Aprobar proyecto" blocked by four eyes, with its source', async () => {
    await grantDrafting(page, 'registro');
    await signIn(page, 'supervisor');
    claimId = await claimInReview(page);
    await page.goto(`/claims/${claimId}`);
    const checklist = page.getByRole('region', { name: 'Próximos pasos' });
    await expect(checklist.getByRole('list')).toBeVisible({ timeout: 15_000 });
    const decide = checklist.getByRole('listitem').filter({ hasText: 'Aprobar proyecto' });
    await expect(decide).toContainText('Falta algo');
    await expect(decide).toContainText('Cuatro ojos: quien envía a revisión no resuelve — Pendiente');
    await expect(decide).toContainText('Usted envió esta resolución a revisión: otra persona debe resolverla.');
    await expect(decide).toContainText('Fuente: Norma del ACNUR');
    await expect(checklist.getByRole('listitem').filter({ hasText: 'Devolver a redacción' })).toContainText('Posible');
    await expectAccessible(page);
  });

  await test.step('taking the step anyway is refused, naming the safeguard', async () => {
    const actions = page.getByRole('region', { name: 'Siguiente paso' });
    await actions.getByRole('button', { name: 'Aprobar proyecto' }).click();
    await page.getByRole('dialog', { name: '¿Aprobar proyecto?' }).getByRole('button', { name: 'Aprobar proyecto' }).click();
    await expect(actions.getByRole('alert')).toContainText('Salvaguarda pendiente');
    await expect(actions.getByRole('alert')).toContainText('Usted envió esta resolución a revisión');
  });

  await test.step('a colleague of the office may decide: the safeguard is met', async () => {
    await signIn(page, 'registro');
    await page.goto(`/claims/${claimId}`);
    const checklist = page.getByRole('region', { name: 'Próximos pasos' });
    await expect(checklist.getByRole('list')).toBeVisible({ timeout: 15_000 });
    const decide = checklist.getByRole('listitem').filter({ hasText: 'Aprobar proyecto' });
    await expect(decide).toContainText('Posible');
    await expect(decide).toContainText('Cuatro ojos: quien envía a revisión no resuelve — Cumplida');
  });

  await test.step('the administrator reads every step with its safeguards, effects and sources', async () => {
    await signIn(page, 'admin');
    await page.goto('/procedure');
    await expect(page.getByRole('heading', { level: 1, name: 'Pasos del procedimiento' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Asignar a un oficial' })).toBeVisible({ timeout: 15_000 });
    const assign = page.getByRole('region', { name: 'Asignar a un oficial' });
    await expect(assign).toContainText('Oficial capacitado para las necesidades de la solicitud');
    await expect(assign).toContainText('Una supervisora puede exceptuarla caso por caso con un motivo escrito');
    const register = page.getByRole('region', { name: 'Registrar la solicitud' });
    await expect(register).toContainText('Inician los plazos legales');
    await expect(register).toContainText('Ley sobre Refugiados, Protección Complementaria y Asilo Político, arts. 11, 18 y 24');
    await expect(page.getByRole('region', { name: 'Aprobar proyecto' })).toContainText('Obligatoria: no se puede desactivar');
    await expectAccessible(page);
  });

  await test.step('switches the competency gate off for INM with a reason, then back on', async () => {
    const assign = page.getByRole('region', { name: 'Asignar a un oficial' });
    await assign.getByRole('button', { name: 'Desactivar para una institución' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Institución').selectOption({ label: 'Instituto Nacional de Migración' });
    await dialog.getByLabel('Motivo (se registra en la auditoría)').fill('Prueba de configuración');
    await dialog.getByRole('button', { name: 'Desactivar salvaguarda' }).click();
    await expect(assign).toContainText('Desactivada en Instituto Nacional de Migración por Administración del sistema');
    await assign.getByRole('button', { name: 'Reactivar en Instituto Nacional de Migración' }).click();
    await page.getByRole('dialog').getByLabel('Motivo (se registra en la auditoría)').fill('Fin de la prueba de configuración');
    await page.getByRole('dialog').getByRole('button', { name: 'Reactivar salvaguarda' }).click();
    await expect(assign).not.toContainText('Desactivada en');
  });
});

test('a supervisor reopens a withdrawn file, and an assignment with an override names its officer', async ({ page }) => {
  await signIn(page, 'supervisor');
  const token = await csrf(page);
  const claim = await registeredClaim(page, {
    members: [
      { relation: 'principal', person: { givenNames: 'Marta Lucía', firstSurname: 'Pineda', sex: 'female', birthDate: '1990-04-11', nationalities: ['SLV'], languages: ['es'] } },
      { relation: 'child', person: { givenNames: 'Sofía', firstSurname: 'Pineda', sex: 'female', birthDate: '2017-08-20', nationalities: ['SLV'], languages: ['es'] } },
    ],
    // A child in the family: her officer needs "Entrevista a niñas, niños y adolescentes", which `elegibilidad` lacks.
    flags: [{ memberIndex: 1, category: 'child', indicator: 'Niña de 9 años' }],
  });
  const withdrawn = await page.request.post(`/api/claims/${claim.id}/withdraw`, {
    headers: { 'x-csrf-token': token }, data: { version: claim.version, reason: 'Desiste por escrito' } });
  expect(withdrawn.status(), await withdrawn.text()).toBe(200);

  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByRole('status').filter({ hasText: 'Expediente concluido' })).toBeVisible({ timeout: 15_000 });
  const actions = page.getByRole('region', { name: 'Siguiente paso' });
  await actions.getByLabel('Motivo').fill('El desistimiento se registró por error de captura');
  await actions.getByRole('button', { name: 'Reabrir expediente' }).click();
  const dialog = page.getByRole('dialog', { name: '¿Reabrir expediente?' });
  await expect(dialog).toContainText('La solicitud quedará en «Registrada».');
  await expect(dialog).toContainText('La solicitud vuelve a su estado anterior');
  await dialog.getByRole('button', { name: 'Reabrir expediente' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Expediente concluido' })).toHaveCount(0);

  const assignment = page.getByRole('region', { name: 'Asignación' });
  await expect(assignment.getByTestId('assigned-officer')).toHaveText('Sin asignar');
  const officers = await (await page.request.get(`/api/claims/${claim.id}/assignable-officers`)).json() as Array<{ id: string; username: string }>;
  const officerId = officers.find((o) => o.username === 'elegibilidad')!.id;
  await assignment.getByLabel('Oficial de elegibilidad').selectOption(officerId);
  await assignment.getByLabel('Asignar de todos modos (excepción justificada)').check();
  await assignment.getByLabel('Motivo de la excepción').fill('Única oficial disponible esta semana; la supervisión acompaña la entrevista');
  await assignment.getByRole('button', { name: 'Asignar' }).click();
  await expect(assignment.getByTestId('assigned-officer')).toHaveText('Asignada a: Ana Elegibilidad Torres');
  await expect(assignment.getByLabel('Oficial de elegibilidad')).toHaveValue(officerId);
  const history = page.getByRole('region', { name: 'Historial' });
  await expect(history).toContainText('Desistida → Registrada');
  await expect(history).toContainText('Asignada a Ana Elegibilidad Torres.');
  await expectAccessible(page);
});

// Screening in Spanish: an unaccompanied child's claim; the clerk records what was seen and heard,
// the guarantees the need calls for appear (representative, trained interviewer, referral to DIF);
// the claim's next steps refuse to start the interview naming the pending representative; the
// representative is recorded and the refusal no longer names them; the administrator reads the
// guarantees per need with their sources.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

async function loneChildAtInterviewStage(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json() as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const offices = await (await page.request.get('/api/offices')).json() as Array<{ id: string; code: string }>;
  const year = new Date().getFullYear();
  const created = await page.request.post('/api/claims', {
    headers,
    data: {
      officeId: offices.find((o) => o.code === 'COMAR-TAP')!.id, channel: 'comar_office',
      members: [{ relation: 'principal', unaccompanied: true, person: {
        givenNames: 'Josué Daniel', firstSurname: 'Tzoc', sex: 'male', birthDate: `${year - 15}-03-12`, nationalities: ['GTM'], languages: ['quc'] } }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  let claim = await created.json() as { id: string; version: number };
  for (const step of ['admit', 'schedule-interview']) {
    const res = await page.request.post(`/api/claims/${claim.id}/${step}`, { headers, data: { version: claim.version } });
    expect(res.status(), await res.text()).toBe(200);
    claim = await res.json() as { id: string; version: number };
  }
  return claim.id;
}

test('an unaccompanied child: indicators, guarantees, and the interview held back until the representative is recorded', async ({ page }) => {
  test.setTimeout(150_000);
  let claimId = '';
  await test.step('the clerk records what was heard; the guarantees appear', async () => {
    await signIn(page, 'registro');
    claimId = await loneChildAtInterviewStage(page);
    await page.goto(`/claims/${claimId}`);
    await page.getByRole('link', { name: 'Detección y garantías' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Detección y garantías');
    await page.getByRole('button', { name: 'Registrar indicio' }).click();
    const form = page.getByRole('form', { name: 'Registrar indicio' });
    await form.getByLabel('Necesidad').selectOption({ label: 'NNA no acompañado o separado' });
    await form.getByLabel('Tipo de indicio').selectOption({ label: 'Declaración' });
    await form.getByLabel('Qué se observó o escuchó').fill('Dice que viaja solo desde Quiché; su madre se quedó en Guatemala');
    await form.getByLabel('Quién lo observó').fill('Pedro Ruiz, INM Ciudad Hidalgo');
    await form.getByLabel('Dónde').fill('Puente fronterizo Ciudad Hidalgo');
    await form.getByRole('button', { name: 'Registrar indicio' }).click();
    const guarantees = page.getByRole('region', { name: 'Garantías procesales' });
    await expect(guarantees).toContainText('Representante o tutor designado y presente', { timeout: 15_000 });
    await expect(guarantees).toContainText('Entrevistador capacitado en entrevista a la niñez');
    await expect(guarantees).toContainText('Canalización al DIF y a la Procuraduría de Protección');
    await expect(guarantees).toContainText('3 garantía(s) pendiente(s) impiden iniciar la entrevista.');
    await expect(page.getByRole('region', { name: 'Indicios de necesidades específicas' })).toContainText('Pedro Ruiz, INM Ciudad Hidalgo');
    await expectAccessible(page);
  });

  await test.step('starting the interview is refused, naming the pending representative and its source', async () => {
    await page.getByRole('link', { name: 'Volver al expediente' }).click();
    const start = page.getByRole('region', { name: 'Próximos pasos' }).getByRole('listitem').filter({ hasText: 'Iniciar la entrevista' });
    await expect(start).toContainText('Falta algo', { timeout: 15_000 });
    await expect(start).toContainText('Garantías pendientes: Representante o tutor designado y presente');
    await expect(start).toContainText('Fuente: Guía de la EUAA');
  });

  await test.step('the representative is recorded; the refusal no longer names them', async () => {
    await page.getByRole('link', { name: 'Detección y garantías' }).click();
    const representative = page.locator('[data-guarantee="representative_present"]');
    await representative.getByRole('button', { name: 'Marcar cumplida' }).click();
    await representative.getByLabel('Qué la cumple (documento, nombre, oficio)').fill('Lic. Marta Díaz, Procuraduría de Protección de Chiapas, oficio PPNNA/123/2026');
    await representative.getByRole('button', { name: 'Guardar' }).click();
    await expect(representative).toHaveAttribute('data-status', 'met');
    await expect(page.getByRole('region', { name: 'Garantías procesales' })).toContainText('2 garantía(s) pendiente(s) impiden iniciar la entrevista.');
    await page.getByRole('link', { name: 'Volver al expediente' }).click();
    const start = page.getByRole('region', { name: 'Próximos pasos' }).getByRole('listitem').filter({ hasText: 'Iniciar la entrevista' });
    await expect(start).toContainText('Garantías pendientes: Entrevistador capacitado en entrevista a la niñez, Pausas previstas', { timeout: 15_000 });
    await expect(start).not.toContainText('Representante');
  });

  await test.step('the administrator reads the guarantees per need with their sources', async () => {
    await signIn(page, 'admin');
    await page.goto('/procedure/guarantees');
    await expect(page.getByRole('heading', { level: 1, name: 'Garantías por necesidad' })).toBeVisible();
    await expect(page.locator('[data-need="unaccompanied_child"]')).toContainText('Canalización al DIF y a la Procuraduría de Protección');
    await expect(page.getByRole('region', { name: 'Garantías' })).toContainText('Protocolo de Estambul');
    await expectAccessible(page);
  });
});

// Interpreters and scheduling in Spanish (ADR 027): the supervisor adds a K'iche' interpreter to
// the roster; the eligibility officer books the interview with her, is refused a double booking
// that names the conflict, downloads the applicant's notice (PDF) and the .ics, records a
// no-show and reschedules; the interpreter signs in and sees only her bookings. Axe on each page.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

/** Wall-clock time in Tapachula's zone, minutes from now, as a datetime-local input takes it. */
function officeTime(minutesFromNow: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutesFromNow * 60_000));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The first whole minute at least 40 s away: far enough for the booking to be in the future, near enough to wait for it. */
function soonestStart(): string {
  return officeTime(new Date().getSeconds() < 20 ? 1 : 2);
}

/** An admitted claim of a K'iche' speaker at COMAR Tapachula, assigned to `elegibilidad` (by the signed-in supervisor). */
async function kicheClaim(page: Page, givenNames: string): Promise<string> {
  const token = ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
  const headers = { 'x-csrf-token': token };
  const offices = await (await page.request.get('/api/offices')).json() as Array<{ id: string; code: string }>;
  const created = await page.request.post('/api/claims', {
    headers,
    data: {
      officeId: offices.find((o) => o.code === 'COMAR-TAP')!.id, channel: 'comar_office',
      members: [{ relation: 'principal', person: { givenNames, firstSurname: 'Tzul', sex: 'female', birthDate: '1990-04-12', nationalities: ['GTM'], languages: ['quc'] } }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  let claim = await created.json() as { id: string; version: number };
  const admitted = await page.request.post(`/api/claims/${claim.id}/admit`, { headers, data: { version: claim.version } });
  expect(admitted.status(), await admitted.text()).toBe(200);
  claim = await admitted.json() as { id: string; version: number };
  const users = await (await page.request.get('/api/users?q=elegibilidad')).json() as { items: Array<{ id: string; username: string }> };
  const officerId = users.items.find((u) => u.username === 'elegibilidad')!.id;
  const assigned = await page.request.post(`/api/claims/${claim.id}/assignment`, { headers, data: { version: claim.version, officerId } });
  expect(assigned.status(), await assigned.text()).toBe(200);
  return claim.id;
}

test('a K\'iche\' interpreter is added, booked, double-booked in vain, missed and rescheduled; she sees only her bookings', async ({ page }) => {
  // Four sign-ins, a wait of up to two minutes for the appointment's start and five axe runs.
  test.setTimeout(300_000);
  let first = '';
  let second = '';

  await test.step('the supervisor adds a K\'iche\' interpreter linked to her account', async () => {
    await signIn(page, 'supervisor');
    first = await kicheClaim(page, 'Juana');
    second = await kicheClaim(page, 'Rosalía');
    await page.goto('/scheduling/interpreters');
    await expect(page.getByRole('heading', { level: 1, name: 'Intérpretes' })).toBeVisible();
    await page.getByRole('button', { name: 'Añadir intérprete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nombre completo').fill('Nadia Intérprete Joseph');
    await dialog.getByLabel('Cuenta de acceso').selectOption({ label: 'Nadia Intérprete Joseph (interprete)' });
    await dialog.getByLabel('K’iche’').check();
    await dialog.getByLabel('Español').check();
    await dialog.getByRole('button', { name: 'Guardar intérprete' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: 'Nadia Intérprete Joseph' });
    await expect(row).toContainText('K’iche’, Español');
    await expect(row).toContainText('Mujer');
    await expectAccessible(page);
  });

  let start = '';
  await test.step('the officer books the interview with her', async () => {
    await signIn(page, 'elegibilidad');
    await page.goto(`/claims/${first}/appointments`);
    const form = page.getByRole('region', { name: 'Programar la entrevista' });
    await expect(form.getByLabel('Idioma de la entrevista')).toHaveValue('quc', { timeout: 15_000 });
    start = soonestStart();
    await form.getByLabel('Intérprete', { exact: true }).selectOption({ label: 'Nadia Intérprete Joseph (Mujer)' });
    await form.getByLabel('Sala').fill('Sala 1');
    await form.getByLabel('Fecha y hora de inicio').fill(start);
    await form.getByRole('button', { name: 'Programar entrevista' }).click();
    const list = page.getByRole('region', { name: 'Citas de entrevista' });
    await expect(list.getByRole('article')).toHaveCount(1);
    await expect(list.getByRole('article')).toContainText('Programada');
    await expect(list.getByRole('article')).toContainText('Intérprete: Nadia Intérprete Joseph');
    await expectAccessible(page);
  });

  await test.step('downloads the applicant\'s notice (PDF) and the .ics for the calendar', async () => {
    const list = page.getByRole('region', { name: 'Citas de entrevista' });
    const [pdf] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: 'Citatorio (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^citatorio-.*\.pdf$/);
    const [ics] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: 'Agregar al calendario (.ics)' }).click()]);
    expect(ics.suggestedFilename()).toMatch(/\.ics$/);
  });

  await test.step('a second claim at an overlapping time is refused, naming the conflict', async () => {
    await page.goto(`/claims/${second}/appointments`);
    const form = page.getByRole('region', { name: 'Programar la entrevista' });
    await expect(form.getByLabel('Idioma de la entrevista')).toHaveValue('quc', { timeout: 15_000 });
    await form.getByLabel('Intérprete', { exact: true }).selectOption({ label: 'Nadia Intérprete Joseph (Mujer)' });
    await form.getByLabel('Sala').fill('Sala 2');
    await form.getByLabel('Fecha y hora de inicio').fill(officeTime(40));
    await form.getByRole('button', { name: 'Programar entrevista' }).click();
    const alert = form.getByRole('alert').first();
    await expect(alert).toContainText('Horario ocupado');
    await expect(alert).toContainText(`el intérprete Nadia Intérprete Joseph tiene otra cita el ${start.slice(0, 10)} de ${start.slice(11)}`);
  });

  await test.step('once the start has passed, records the no-show and reschedules; the old appointment stays', async () => {
    await page.goto(`/claims/${first}/appointments`);
    const list = page.getByRole('region', { name: 'Citas de entrevista' });
    await expect(list.getByRole('button', { name: 'Registrar inasistencia' })).toBeVisible({ timeout: 150_000 });
    await list.getByRole('button', { name: 'Registrar inasistencia' }).click();
    await expect(list.getByRole('article')).toContainText('No se presentó');
    await list.getByRole('button', { name: 'Reprogramar' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Fecha y hora de inicio').fill(officeTime(60 * 24));
    await dialog.getByLabel('Motivo de la reprogramación').fill('No se presentó; se le cita de nuevo');
    await dialog.getByRole('button', { name: 'Reprogramar cita' }).click();
    await expect(dialog).toBeHidden();
    await expect(list.getByRole('article')).toHaveCount(2);
    await expect(list.getByRole('article').first()).toContainText('Programada');
    await expect(list.getByRole('article').nth(1)).toContainText('No se presentó');
  });

  await test.step('the officer\'s agenda shows the new date', async () => {
    await page.goto('/scheduling/agenda');
    await expect(page.getByRole('heading', { level: 1, name: 'Mi agenda de entrevistas' })).toBeVisible();
    await page.getByText('Mes', { exact: true }).click();
    await expect(page.getByRole('table')).toContainText('K’iche’ (Nadia Intérprete Joseph)', { timeout: 15_000 });
    await expectAccessible(page);
  });

  await test.step('the interpreter signs in to her bookings, and nothing else of the claims', async () => {
    await signIn(page, 'interprete');
    await expect(page).toHaveURL(/\/scheduling\/my-bookings$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mis citas de interpretación' })).toBeVisible();
    const bookings = page.getByRole('region', { name: 'Próximas y recientes' });
    await expect(bookings.getByRole('listitem')).toHaveCount(2);
    await expect(bookings).toContainText('K’iche’ · Presencial');
    await expect(bookings).toContainText('Entrevista: Ana Elegibilidad Torres');
    await expect(page.locator('body')).not.toContainText('Tzul');
    await expect(page.locator('body')).not.toContainText('COMAR-TAP-');
    await expectAccessible(page);
    // The claims themselves stay out of reach.
    expect((await page.request.get(`/api/claims/${first}/appointments`)).status()).toBe(403);
  });

  await test.step('the supervisor\'s abandonment queue states the unverified default threshold', async () => {
    await signIn(page, 'supervisor');
    await page.goto('/scheduling/abandonment');
    await expect(page.getByRole('heading', { level: 1, name: 'Propuestas de abandono' })).toBeVisible();
    await expect(page.getByText('Se propone tras 3 semanas seguidas sin firma.')).toBeVisible();
    await expect(page.getByText('Umbral sin verificar')).toBeVisible();
    await expectAccessible(page);
  });
});

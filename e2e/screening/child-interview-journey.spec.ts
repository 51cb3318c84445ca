// An unaccompanied child's claim from screening to the signed interview record, in Spanish:
// screening records what was heard and the guarantees appear (representative, trained
// interviewer, referral to DIF); the interview is scheduled with a K'iche' interpreter (a double
// booking refused, naming it); starting it is refused naming the pending representative; the
// representative is recorded and the interview is conducted on the child-adapted questionnaire,
// read back with one correction, signed three times, and its locked record downloads as PDF.
// The officer's "Interviewing children" grant made for it is revoked at the end, as the gating
// journey expects her without it.
import { readFileSync } from 'node:fs';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const expect = baseExpect.configure({ timeout: 15_000 });
const year = new Date().getFullYear();

async function call<T>(page: Page, method: 'POST' | 'PATCH' | 'GET', url: string, data?: unknown): Promise<T> {
  const token = ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
  const res = await page.request.fetch(url, { method, headers: { 'x-csrf-token': token }, ...(data === undefined ? {} : { data }) });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return await res.json() as T;
}

/** Wall-clock time at COMAR Tapachula, `minutes` from now, as the booking form takes it. */
function officeTime(minutes: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

async function draw(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
  await page.mouse.down();
  for (const [x, y] of [[0.3, 0.3], [0.5, 0.7], [0.8, 0.4]] as const) await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 5 });
  await page.mouse.up();
}

interface Claim { id: string; version: number; members: Array<{ person: { id: string } }> }

/** An admitted claim of a K'iche'-speaking child at COMAR Tapachula, assigned to `elegibilidad` (as the supervisor). */
async function admittedChild(page: Page, givenNames: string, sex: 'female' | 'male'): Promise<Claim> {
  const offices = await call<Array<{ id: string; code: string }>>(page, 'GET', '/api/offices');
  let claim = await call<Claim>(page, 'POST', '/api/claims', {
    officeId: offices.find((o) => o.code === 'COMAR-TAP')!.id, channel: 'comar_office',
    members: [{ relation: 'principal', unaccompanied: true, person: {
      givenNames, firstSurname: 'Tzoc', sex, birthDate: `${year - 14}-02-03`, nationalities: ['GTM'], languages: ['quc'], needsInterpreter: true } }],
  });
  claim = await call<Claim>(page, 'POST', `/api/claims/${claim.id}/admit`, { version: claim.version });
  const officers = await call<Array<{ id: string; username: string }>>(page, 'GET', `/api/claims/${claim.id}/assignable-officers`);
  return call<Claim>(page, 'POST', `/api/claims/${claim.id}/assignment`, {
    version: claim.version, officerId: officers.find((o) => o.username === 'elegibilidad')!.id, reason: null,
  });
}

test('an unaccompanied child: screening, guarantees, a K\'iche\' interpreter booked, the interview held back then conducted, signed and locked', async ({ page }) => {
  test.setTimeout(420_000);
  let claimId = '';
  let grantId = '';
  let interpreterId = '';

  await test.step('set-up: the officer is certified to interview children; a K\'iche\' interpreter joins the roster', async () => {
    await signIn(page, 'capacitacion');
    const users = await call<{ items: Array<{ id: string; username: string }> }>(page, 'GET', '/api/users?q=elegibilidad');
    const officer = users.items.find((u) => u.username === 'elegibilidad')!.id;
    grantId = (await call<{ id: string }>(page, 'POST', '/api/competency-grants', {
      userId: officer, competencyCode: 'interviewing_children', source: 'external_certificate',
      evidence: 'Constancia UNICEF-COMAR 2026, entrevista a niñez', grantedOn: `${year}-01-15`, expiresOn: null,
    })).id;
    await signIn(page, 'supervisor');
    const offices = await call<Array<{ id: string; code: string }>>(page, 'GET', '/api/offices');
    interpreterId = (await call<{ id: string }>(page, 'POST', '/api/interpreters', {
      fullName: 'Tomás Ixcoy Ajanel', kind: 'contracted', sex: 'male', languages: ['quc', 'spa'], modalities: ['in_person'],
      officeIds: [offices.find((o) => o.code === 'COMAR-TAP')!.id],
    })).id;
    claimId = (await admittedChild(page, 'Ixchel', 'female')).id;
  });

  await test.step('screening: what was heard is recorded; the guarantees appear', async () => {
    await signIn(page, 'elegibilidad');
    await page.goto(`/claims/${claimId}/screening`);
    await page.getByRole('button', { name: 'Registrar indicio' }).click();
    const form = page.getByRole('form', { name: 'Registrar indicio' });
    await form.getByLabel('Necesidad').selectOption({ label: 'NNA no acompañado o separado' });
    await form.getByLabel('Tipo de indicio').selectOption({ label: 'Declaración' });
    await form.getByLabel('Qué se observó o escuchó').fill('Dice, por medio del intérprete, que cruzó sola desde Chichicastenango');
    await form.getByLabel('Quién lo observó').fill('Ana Elegibilidad Torres');
    await form.getByLabel('Dónde').fill('COMAR Tapachula, ventanilla 3');
    await form.getByRole('button', { name: 'Registrar indicio' }).click();
    const guarantees = page.getByRole('region', { name: 'Garantías procesales' });
    await expect(guarantees).toContainText('Representante o tutor designado y presente');
    await expect(guarantees).toContainText('Entrevistador capacitado en entrevista a la niñez');
    await expect(guarantees).toContainText('Canalización al DIF y a la Procuraduría de Protección');
    await expectAccessible(page);
  });

  const start = officeTime(60);
  await test.step('the interview is booked with the K\'iche\' interpreter; a double booking is refused, naming it', async () => {
    await page.goto(`/claims/${claimId}/appointments`);
    const form = page.getByRole('region', { name: 'Programar la entrevista' });
    await expect(form.getByLabel('Idioma de la entrevista')).toHaveValue('quc');
    await form.getByLabel('Intérprete', { exact: true }).selectOption(interpreterId);
    await form.getByLabel('Sala').fill('Sala amigable 1');
    await form.getByLabel('Fecha y hora de inicio').fill(start);
    await form.getByRole('button', { name: 'Programar entrevista' }).click();
    await expect(page.getByRole('region', { name: 'Citas de entrevista' }).getByRole('article')).toContainText('Intérprete: Tomás Ixcoy Ajanel');
    await signIn(page, 'supervisor');
    const other = await admittedChild(page, 'Mateo', 'male');
    await signIn(page, 'elegibilidad');
    await page.goto(`/claims/${other.id}/appointments`);
    const second = page.getByRole('region', { name: 'Programar la entrevista' });
    await expect(second.getByLabel('Idioma de la entrevista')).toHaveValue('quc');
    await second.getByLabel('Intérprete', { exact: true }).selectOption(interpreterId);
    await second.getByLabel('Sala').fill('Sala amigable 2');
    await second.getByLabel('Fecha y hora de inicio').fill(officeTime(90));
    await second.getByRole('button', { name: 'Programar entrevista' }).click();
    await expect(second.getByRole('alert').first()).toContainText('Horario ocupado');
    await expect(second.getByRole('alert').first()).toContainText('el intérprete Tomás Ixcoy Ajanel tiene otra cita');
  });

  await test.step('starting the interview is refused, naming the pending representative', async () => {
    await page.goto(`/claims/${claimId}`);
    const card = page.getByRole('region', { name: 'Entrevistas' });
    await card.getByRole('button', { name: 'Iniciar entrevista' }).click();
    const dialog = page.getByRole('dialog', { name: 'Iniciar entrevista' });
    await dialog.getByLabel('Persona entrevistada').selectOption({ index: 1 });
    const childAdapted = await dialog.getByLabel('Cuestionario').locator('option', { hasText: 'Entrevista adaptada a niñas, niños y adolescentes (COMAR)' }).getAttribute('value');
    await dialog.getByLabel('Cuestionario').selectOption(childAdapted!);
    await dialog.getByLabel('Idioma de la entrevista').selectOption({ value: 'quc' });
    await dialog.getByLabel('Intérprete', { exact: true }).selectOption(interpreterId);
    await dialog.getByRole('button', { name: 'Iniciar' }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('Garantías pendientes: Representante o tutor designado y presente');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
  });

  await test.step('the representative is recorded (and the other guarantees that govern the interview)', async () => {
    await page.goto(`/claims/${claimId}/screening`);
    const representative = page.locator('[data-guarantee="representative_present"]');
    await representative.getByRole('button', { name: 'Marcar cumplida' }).click();
    await representative.getByLabel('Qué la cumple (documento, nombre, oficio)').fill('Lic. Marta Díaz, Procuraduría de Protección de Chiapas, oficio PPNNA/456/2026');
    await representative.getByRole('button', { name: 'Guardar' }).click();
    await expect(representative).toHaveAttribute('data-status', 'met');
    const screening = await call<{ guarantees: Array<{ id: string; code: string; version: number; status: string; governsInterview: boolean }> }>(
      page, 'GET', `/api/claims/${claimId}/screening`);
    for (const g of screening.guarantees.filter((x) => x.status === 'pending' && x.governsInterview)) {
      await call(page, 'PATCH', `/api/claims/${claimId}/guarantees/${g.id}`, {
        version: g.version, status: 'met', evidence: g.code === 'breaks_planned' ? 'Pausa cada 30 minutos, sala amigable' : 'Constancia UNICEF-COMAR 2026',
      });
    }
  });

  await test.step('the interview is conducted on the child-adapted questionnaire', async () => {
    await page.goto(`/claims/${claimId}`);
    await page.getByRole('region', { name: 'Entrevistas' }).getByRole('button', { name: 'Iniciar entrevista' }).click();
    const dialog = page.getByRole('dialog', { name: 'Iniciar entrevista' });
    await dialog.getByLabel('Persona entrevistada').selectOption({ index: 1 });
    const childAdapted = await dialog.getByLabel('Cuestionario').locator('option', { hasText: 'Entrevista adaptada a niñas, niños y adolescentes (COMAR)' }).getAttribute('value');
    await dialog.getByLabel('Cuestionario').selectOption(childAdapted!);
    await dialog.getByLabel('Idioma de la entrevista').selectOption({ value: 'quc' });
    await dialog.getByLabel('Intérprete', { exact: true }).selectOption(interpreterId);
    await dialog.getByRole('button', { name: 'Iniciar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Entrevista .* · Ixchel Tzoc/ })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Comprobar que la niña, niño o adolescente y el intérprete se entienden.' }).check();
    await page.getByLabel('Relato libre', { exact: true }).fill('Cuenta que salió de Chichicastenango porque amenazaron a su familia.');
    await page.getByLabel('¿Cómo te llamas?').fill('Ixchel');
    await expect(page.getByRole('status').filter({ hasText: 'Todos los cambios están guardados' })).toBeVisible();
  });

  await test.step('read back with one correction, three signatures, and the locked record as PDF', async () => {
    await page.getByRole('button', { name: 'Terminar las preguntas y leer el acta' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leer el acta' }).click();
    await page.getByRole('button', { name: 'Corregir: ¿Cómo te llamas?' }).click();
    const correction = page.getByRole('dialog', { name: 'Corrección del acta' });
    await correction.getByLabel('Respuesta corregida').fill('Ixchel Tzoc');
    await correction.getByLabel('Quién pide la corrección').selectOption({ label: 'Persona solicitante' });
    await correction.getByRole('button', { name: 'Registrar corrección' }).click();
    await expect(page.getByRole('region', { name: 'Correcciones' })).toContainText('Dice: Ixchel Tzoc');
    const applicant = page.getByRole('region', { name: 'Persona solicitante' });
    await draw(page, applicant.getByRole('img', { name: /Área para firmar/ }));
    await applicant.getByRole('button', { name: 'Registrar firma: Persona solicitante' }).click();
    const interpreter = page.getByRole('region', { name: 'Intérprete', exact: true });
    await draw(page, interpreter.getByRole('img', { name: /Área para firmar/ }));
    await interpreter.getByRole('button', { name: 'Registrar firma: Intérprete' }).click();
    await page.getByRole('region', { name: 'Oficial de elegibilidad' }).getByRole('button', { name: 'Registrar firma: Oficial de elegibilidad' }).click();
    await expect(page.getByText('Acta firmada y cerrada')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Descargar acta (PDF)' }).click();
    const file = await download;
    expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page);
  });

  await test.step('clean-up: the certification made for this journey is revoked', async () => {
    await signIn(page, 'capacitacion');
    await call(page, 'POST', `/api/competency-grants/${grantId}/revoke`, { reason: 'Solo para el recorrido de prueba' });
  });
});

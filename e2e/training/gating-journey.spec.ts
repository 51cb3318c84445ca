// Competency gating end to end (ADR 014), in Spanish: an unaccompanied child's claim cannot be given to an officer
// without "Interviewing children"; she completes the blended module (online part imported from the
// LMS's CSV, attendance recorded by the coordinator) and the assignment then succeeds; when the
// competency ends, the claim shows in the supervisor's queue. Ending it: the coordinator revokes the
// grant (a browser test cannot wait three years for expiry; ADR 014). Afterwards the demo session's
// records are cleared again, so the records journey that follows finds them as seeded.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const SESSION = '5e551017-0000-4000-8000-00000000c2a1';
const ANA = 'Ana Elegibilidad Torres';
const ITC = 'Entrevista a niñas, niños y adolescentes';

async function registerUnaccompaniedChild(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json() as { csrfToken: string };
  const offices = await (await page.request.get('/api/offices')).json() as Array<{ id: string; code: string }>;
  const year = new Date().getFullYear();
  const res = await page.request.post('/api/claims', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      officeId: offices.find((o) => o.code === 'COMAR-TAP')!.id, channel: 'comar_office',
      members: [{ relation: 'principal', unaccompanied: true, person: {
        givenNames: 'Josué Daniel', firstSurname: 'Benítez', sex: 'male', birthDate: `${year - 15}-03-12`, nationalities: ['HND'], languages: ['es'] } }],
      flags: [{ memberIndex: 0, category: 'unaccompanied_child', indicator: 'Llegó solo a la oficina; 15 años' }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function officerId(page: Page, claimId: string, username: string): Promise<string> {
  const officers = await (await page.request.get(`/api/claims/${claimId}/assignable-officers`)).json() as Array<{ id: string; username: string }>;
  return officers.find((o) => o.username === username)!.id;
}

async function openRecords(page: Page) {
  await signIn(page, 'capacitacion');
  await page.goto(`/training/sessions/${SESSION}/records`);
  await expect(page.getByRole('heading', { name: 'Registros de la sesión NNA-2025-11' })).toBeVisible();
}

async function setRecord(page: Page, name: string | RegExp, value: string) {
  const box = page.getByRole('textbox', { name });
  await box.fill(value);
  await box.press('Enter');
  await expect(box).toHaveValue(value);
}

test('gating: refused without "Interviewing children", assigned after the module, back in the queue when it ends', async ({ page }) => {
  let claimId = '';
  await test.step('the supervisor is refused, with the missing competency named', async () => {
    await signIn(page, 'supervisor');
    claimId = await registerUnaccompaniedChild(page);
    await page.goto(`/claims/${claimId}`);
    const assignment = page.getByRole('region', { name: 'Asignación' });
    await assignment.getByLabel('Oficial de elegibilidad').selectOption(await officerId(page, claimId, 'elegibilidad'));
    await expect(assignment.getByRole('status')).toHaveText(`A ${ANA} le falta: ${ITC}.`);
    await assignment.getByRole('button', { name: 'Asignar' }).click();
    await expect(assignment.getByRole('alert')).toContainText('Competencia requerida');
    await expect(assignment.getByRole('alert')).toContainText(ITC);
    await expectAccessible(page);
  });

  await test.step('the coordinator imports the online completion and records both days of attendance and the result', async () => {
    await openRecords(page);
    await page.getByRole('button', { name: 'Importar finalización en línea (CSV)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'moodle.csv', mimeType: 'text/csv',
      buffer: Buffer.from('ID,Name,Email address,Course complete\n1,Ana,elegibilidad@demo.refugio.example,"10/11/25, 18:30"\n'),
    });
    await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText('Archivo importado: 1 registros.');
    await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
    for (const day of ['18', '19']) {
      await page.getByRole('button', { name: new RegExp(`^Marcar a ${ANA} presente todo el día ${day}`) }).click();
      await expect(page.getByRole('textbox', { name: new RegExp(`^Minutos de ${ANA} el ${day}`) })).toHaveValue('240');
    }
    await setRecord(page, `Calificación de ${ANA}`, '85');
    await expect(page.getByRole('row', { name: new RegExp(ANA) })).toContainText('Concluido el');
  });

  await test.step('she appears in her register, and the supervisor now assigns the claim to her', async () => {
    await signIn(page, 'elegibilidad');
    await page.goto('/training/competencies');
    await expect(page.getByRole('row', { name: new RegExp(ITC) })).toContainText('Capacitación');
    await expectAccessible(page);
    await signIn(page, 'supervisor');
    await page.goto(`/claims/${claimId}`);
    const assignment = page.getByRole('region', { name: 'Asignación' });
    await assignment.getByLabel('Oficial de elegibilidad').selectOption(await officerId(page, claimId, 'elegibilidad'));
    await expect(assignment.getByRole('status')).toHaveCount(0);
    await assignment.getByRole('button', { name: 'Asignar' }).click();
    await expect(assignment.getByRole('button', { name: 'Asignar' })).toBeDisabled();
    await expect(assignment.getByRole('alert')).toHaveCount(0);
  });

  await test.step('the coordinator ends the competency from the office matrix', async () => {
    await signIn(page, 'capacitacion');
    await page.goto('/training/gating-rules');
    await expect(page.getByRole('row', { name: /NNA no acompañado o separado/ })).toContainText(ITC);
    await expectAccessible(page);
    await page.goto('/training/competencies/matrix');
    await page.getByLabel('Oficina').selectOption({ label: 'COMAR Tapachula' });
    await expect(page.getByRole('row', { name: new RegExp(ANA) })).toBeVisible();
    await expectAccessible(page);
    // Mantine's segmented control hides its radios behind their labels.
    await page.locator('label', { hasText: 'Mapa de calor' }).click();
    await expect(page.getByRole('radio', { name: 'Mapa de calor' })).toBeChecked();
    await expect(page.getByRole('row', { name: new RegExp(ANA) }).getByText(/Vigente, hasta el/).first()).toBeAttached();
    await expectAccessible(page);
    await page.getByRole('link', { name: ANA }).click();
    await expect(page.getByRole('heading', { name: `Competencias de ${ANA}` })).toBeVisible();
    await page.getByRole('button', { name: `Revocar ${ITC}` }).click();
    await page.getByRole('dialog').getByLabel('Motivo').fill('Constancia retirada: repetirá el módulo');
    await page.getByRole('button', { name: 'Revocar competencia' }).click();
    await expect(page.getByRole('row', { name: new RegExp(ITC) })).toHaveCount(0);
  });

  await test.step('the claim shows in the supervisor\'s queue', async () => {
    await signIn(page, 'supervisor');
    await page.goto('/claims');
    await expect(page.getByText('Competencias vencidas')).toBeVisible();
    await page.getByRole('button', { name: 'Ver cuáles' }).click();
    await expect(page.getByRole('checkbox', { name: 'Oficial sin competencia vigente' })).toBeChecked();
    await expect(page.getByRole('row', { name: /Josué Daniel Benítez/ })).toContainText(ANA);
  });

  await test.step('the demo session\'s records are cleared again for the records journey', async () => {
    await openRecords(page);
    await setRecord(page, `Calificación de ${ANA}`, '');
    for (const day of ['18', '19']) await setRecord(page, new RegExp(`^Minutos de ${ANA} el ${day}`), '');
    await setRecord(page, `Fecha de conclusión en línea de ${ANA}`, '');
    await expect(page.getByRole('row', { name: new RegExp(ANA) })).not.toContainText('Concluido el');
  });
});

// Duplicates in Spanish: a person registered twice at COMAR Tapachula (accent dropped, "ll"
// written "y", birth date one day off) is found with the reasons, merged by the supervisor and
// the merge undone.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

async function registerClaim(page: Page, person: Record<string, unknown>): Promise<void> {
  const me = await (await page.request.get('/api/auth/me')).json() as { csrfToken: string };
  const offices = await (await page.request.get('/api/offices')).json() as Array<{ id: string; code: string }>;
  const officeId = offices.find((o) => o.code === 'COMAR-TAP')!.id;
  const res = await page.request.post('/api/claims', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { officeId, channel: 'comar_office', members: [{ relation: 'principal', person }] },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test('a supervisor finds a person registered twice, sees why, merges the records and undoes the merge', async ({ page }) => {
  await signIn(page, 'supervisor');
  await registerClaim(page, { givenNames: 'Yesenia', firstSurname: 'Castillo', secondSurname: 'Ramírez', birthDate: '1988-02-10', nationalities: ['SLV'] });
  await registerClaim(page, { givenNames: 'Yesenia', firstSurname: 'Castiyo', secondSurname: 'Ramirez', birthDate: '1988-02-11', nationalities: ['SLV'] });

  await page.goto('/persons/merges');
  await expect(page.getByRole('heading', { level: 1, name: 'Fusión de personas' })).toBeVisible();
  await page.getByLabel('Nombre(s)').fill('Yesenia');
  await page.getByLabel('Primer apellido').fill('Castillo');
  await page.getByLabel('Segundo apellido').fill('Ramírez');
  await page.getByLabel('Fecha de nacimiento').fill('1988-02-10');
  await page.getByRole('button', { name: 'Buscar' }).click();

  const copy = page.getByRole('article', { name: 'Yesenia Castiyo Ramirez' });
  await expect(copy.getByText('Mismo nombre escrito de otra forma (castillo ≈ castiyo): Yesenia Castiyo Ramirez')).toBeVisible();
  await expect(copy.getByText(/Fecha de nacimiento con un día de diferencia/)).toBeVisible();
  await expect(copy.getByText('+22')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('article', { name: 'Yesenia Castillo Ramírez' }).getByRole('button', { name: /Seleccionar/ }).click();
  await copy.getByRole('button', { name: /Seleccionar/ }).click();
  await page.getByLabel('Motivo').fill('Misma persona registrada dos veces');
  await page.getByRole('button', { name: 'Fusionar', exact: true }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByText('Yesenia Castiyo Ramirez se unirá a Yesenia Castillo Ramírez.', { exact: false })).toBeVisible();
  await confirm.getByRole('button', { name: 'Fusionar' }).click();
  await expect(page.getByText('Registros fusionados.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Vigente' })).toBeVisible();

  await page.getByRole('button', { name: 'Deshacer la fusión de Yesenia Castiyo Ramirez' }).click();
  const undo = page.getByRole('dialog');
  await undo.getByLabel('Motivo').fill('Error al fusionar');
  await undo.getByRole('button', { name: 'Deshacer' }).click();
  await expect(page.getByText('Fusión deshecha.')).toBeVisible();
  await expect(page.getByText(/Deshecha el/)).toBeVisible();
  await expectAccessible(page);
});

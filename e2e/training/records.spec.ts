// Training records (ADR 016): the coordinator imports a malformed LMS report and sees each bad
// line, then good files; the participant completes; all certificates are issued with progress;
// the public verification page shows the certificate without a login, and a forged code fails.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const SESSION = '5e551017-0000-4000-8000-00000000c2a1';
const MOODLE = 'ID,Name,Email address,Course complete\n';
const ZOOM = 'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n';

async function upload(page: Page, button: string, fileName: string, content: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
  return dialog;
}

test('records: imports with line errors, completion, certificates with progress, public verification', async ({ page }) => {
  await signIn(page, 'capacitacion');
  await page.goto(`/training/sessions/${SESSION}/records`);
  await expect(page.getByRole('heading', { name: 'Registros de la sesión NNA-2025-11' })).toBeVisible();
  await expectAccessible(page);

  await test.step('a malformed LMS file: each bad line with its number, nothing imported', async () => {
    const bad = `${MOODLE}1,Ana,elegibilidad@demo.refugio.example,2025-11-10\n2,X,nadie@example.org,2025-11-10\n3,Nadia,interprete@demo.refugio.example,31/02/2025\n`;
    const dialog = await upload(page, 'Importar finalización en línea (CSV)', 'moodle-malo.csv', bad);
    // Someone who matches nobody enrolled is not an error (ADR 023): only the impossible date is.
    await expect(dialog.getByRole('alert')).toContainText('Archivo rechazado: 1 líneas con errores. No se importó nada.');
    await expect(dialog.getByText('Línea 4: fecha no válida «31/02/2025».')).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
    await expect(page.getByRole('textbox', { name: 'Fecha de conclusión en línea de Ana Elegibilidad Torres' })).toHaveValue('');
  });

  await test.step('good files: online completion, then both days of videoconference attendance', async () => {
    const good = `${MOODLE}1,Ana,elegibilidad@demo.refugio.example,"10/11/25, 18:30"\n2,Nadia,interprete@demo.refugio.example,\n`;
    let dialog = await upload(page, 'Importar finalización en línea (CSV)', 'moodle.csv', good);
    await expect(dialog.getByRole('status')).toHaveText('Archivo importado: 1 registros.');
    await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
    const zoom = `${ZOOM}Ana,elegibilidad@demo.refugio.example,11/18/2025 08:55:00 AM,11/18/2025 10:10:00 AM,75,No\n`
      + 'Ana,elegibilidad@demo.refugio.example,11/18/2025 10:05:00 AM,11/18/2025 01:05:00 PM,180,No\n'
      + 'Ana,elegibilidad@demo.refugio.example,11/19/2025 09:00:00 AM,11/19/2025 01:00:00 PM,240,No\n'
      + 'Nadia,interprete@demo.refugio.example,11/18/2025 09:00:00 AM,11/18/2025 10:00:00 AM,60,No\n';
    dialog = await upload(page, 'Importar asistencia de videoconferencia (CSV)', 'zoom.csv', zoom);
    await expect(dialog.getByRole('status')).toHaveText('Archivo importado: 6 registros.');
    await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
    // The grid shows what the files recorded: the online date, 8:55–13:05 with a rejoin → 240 minutes of 09:00–13:00.
    await expect(page.getByRole('textbox', { name: 'Fecha de conclusión en línea de Ana Elegibilidad Torres' })).toHaveValue('2025-11-10');
    await expect(page.getByRole('textbox', { name: /^Minutos de Ana Elegibilidad Torres el 18/ })).toHaveValue('240');
    await expect(page.getByRole('textbox', { name: /^Minutos de Nadia Intérprete Joseph el 19/ })).toHaveValue('0');
  });

  await test.step('the result completes the module', async () => {
    const row = page.getByRole('row', { name: /Ana Elegibilidad Torres/ });
    await expect(row).toContainText('Falta: evaluación aprobada');
    const score = page.getByRole('textbox', { name: 'Calificación de Ana Elegibilidad Torres' });
    // Outside the scale: said, kept on screen, not saved (nor clamped to 100, nor erased).
    await score.fill('150');
    await score.press('Enter');
    await expect(row.getByText('Escriba un número entre 0 y 100.')).toBeVisible();
    await expect(score).toHaveValue('150');
    await expect(row).toContainText('Falta: evaluación aprobada');
    await score.fill('85');
    await score.press('Enter');
    await expect(row).toContainText('Concluido el');
    const nadia = page.getByRole('row', { name: /Nadia Intérprete Joseph/ });
    await expect(nadia).toContainText('Falta: parte en línea, asistencia, evaluación aprobada');
    await page.getByRole('button', { name: /^Marcar a Nadia Intérprete Joseph presente todo el día 19/ }).click();
    await expect(page.getByRole('textbox', { name: /^Minutos de Nadia Intérprete Joseph el 19/ })).toHaveValue('240');
  });

  let code = '';
  await test.step('issue all certificates with progress', async () => {
    await page.getByRole('button', { name: 'Emitir todas las constancias' }).click();
    await expect(page.getByText('1 de 1 constancias emitidas')).toBeVisible();
    const link = page.getByRole('row', { name: /Ana Elegibilidad Torres/ }).getByRole('link');
    await expect(link).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    code = (await link.textContent()) ?? '';
  });

  await test.step('public verification, without a login; a forged code is not found', async () => {
    await page.context().clearCookies();
    await page.goto(`/verify/${code}`);
    await expect(page.getByRole('heading', { name: 'Verificación de constancia' })).toBeVisible();
    await expect(page.getByText('Ana Elegibilidad Torres')).toBeVisible();
    await expect(page.getByText('Entrevista a niñas, niños y adolescentes')).toBeVisible();
    await expect(page.getByText('Vigente', { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/verify/ABCD-EFGH-JKMN');
    await expect(page.getByRole('alert')).toHaveText('No existe una constancia con este código. Revisa que esté escrito correctamente.');
  });

  await test.step('the coordinator revokes it with a reason; the public page says so', async () => {
    await signIn(page, 'capacitacion');
    await page.goto(`/training/sessions/${SESSION}/records`);
    await page.getByRole('button', { name: `Revocar la constancia ${code}` }).click();
    await page.getByRole('dialog').getByLabel('Motivo de la revocación').fill('Emitida con un nombre equivocado');
    await page.getByRole('button', { name: 'Revocar constancia' }).click();
    await expect(page.getByRole('row', { name: /Ana Elegibilidad Torres/ })).toContainText('Revocada');
    await page.goto(`/verify/${code}`);
    await expect(page.getByText('Revocada', { exact: true })).toBeVisible();
  });
});

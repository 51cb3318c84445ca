// Imports as the tools export them (ADR 023): a coordinator brings the Zoom report of day 1 with
// its meeting block, the Teams attendance report of day 2 as downloaded (UTF-16, sections) and
// Moodle's completion report, all three from packages/domain/src/training/records/samples; in
// each, the rows that match nobody enrolled are resolved on screen (a participant who joined
// under another name matched, a guest ignored) before the file is applied.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../packages/domain/src/training/records/samples');

/** A session of "Interviewing children" on the samples' days, with their four participants (set up through the API). */
async function createSeminar(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json() as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const modules = await (await page.request.get('/api/training/modules')).json() as Array<{ id: string; code: string }>;
  const trainers = await (await page.request.get('/api/training/trainers')).json() as Array<{ id: string; fullName: string }>;
  const created = await page.request.post('/api/training/sessions', {
    headers, data: {
      moduleId: modules.find((m) => m.code === 'ITC')!.id, code: 'SEM-NNA-2026-03', format: 'blended', capacity: 150,
      venue: 'COMAR Tapachula, sala de capacitación', videoLink: 'https://meet.example/seminario-nna',
      onlineStartsOn: '2026-02-16', onlineEndsOn: '2026-03-09',
      days: [{ day: '2026-03-10', startsAt: '09:00', endsAt: '13:00' }, { day: '2026-03-11', startsAt: '09:00', endsAt: '13:00' }],
      trainerIds: [trainers.find((tr) => tr.fullName === 'Carlos Formador Vega')!.id],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const session = await created.json() as { id: string };
  const users = await (await page.request.get('/api/users?limit=100')).json() as { items: Array<{ id: string; username: string }> };
  const userIds = users.items.filter((u) => ['elegibilidad', 'supervisor', 'interprete', 'registro'].includes(u.username)).map((u) => u.id);
  const enrolled = await page.request.post(`/api/training/sessions/${session.id}/enrolments`, {
    headers, data: { userIds, prerequisiteOverrideReason: 'Seminario de actualización para todo el personal de la oficina' },
  });
  expect((await enrolled.json() as { enrolled: number }).enrolled).toBe(4);
  return session.id;
}

async function upload(page: Page, button: string, sample: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles(path.join(SAMPLES, sample));
  await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
  return dialog;
}

test('Zoom, Teams and Moodle files as exported, with guests and other names resolved on screen', async ({ page }) => {
  await signIn(page, 'capacitacion');
  const sessionId = await createSeminar(page);
  await page.goto(`/training/sessions/${sessionId}/records`);
  await expect(page.getByRole('heading', { name: 'Registros de la sesión SEM-NNA-2026-03' })).toBeVisible();

  await test.step('Zoom, with the meeting block: Nadia joined from her phone, a guest from UNHCR', async () => {
    const dialog = await upload(page, 'Importar asistencia de videoconferencia (CSV)', 'zoom-participants-with-meeting.csv');
    await expect(dialog.getByText('Revise las filas sin coincidencia')).toBeVisible();
    await expect(dialog.getByText('2 personas del archivo no coinciden con nadie inscrito', { exact: false })).toBeVisible();
    const nadia = dialog.getByRole('row', { name: /Nadia \(iPhone\)/ });
    await expect(nadia).toContainText('189 min en el horario de la sesión');
    // The proposed match is pre-selected, never applied without the confirmation.
    await expect(dialog.getByLabel('Persona para «Nadia (iPhone)»')).toHaveValue(/.+/);
    await expect(dialog.getByLabel('Persona para «Nadia (iPhone)»').locator('option:checked')).toHaveText('Nadia Intérprete Joseph');
    await expect(dialog.getByRole('status')).toHaveText('Faltan 1 por decidir.');
    await expect(dialog.getByRole('button', { name: 'Confirmar e importar' })).toBeDisabled();
    await expectAccessible(page);
    await dialog.getByLabel('Persona para «Invitada ACNUR»').selectOption({ label: 'Ignorar (no cuenta)' });
    await dialog.getByRole('button', { name: 'Confirmar e importar' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Archivo importado: 4 registros.');
    await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
    await expect(page.getByRole('textbox', { name: /^Minutos de Nadia Intérprete Joseph el 10/ })).toHaveValue('189');
    await expect(page.getByRole('textbox', { name: /^Minutos de Ana Elegibilidad Torres el 10/ })).toHaveValue('237');
  });

  await test.step('Teams, as downloaded: Nadia under a personal address, an outside guest', async () => {
    const dialog = await upload(page, 'Importar asistencia de videoconferencia (CSV)', 'teams-attendance-report.csv');
    await expect(dialog.getByRole('row', { name: /Joseph, Nadia/ })).toContainText('nadia.joseph@example.com');
    await expect(dialog.getByLabel('Persona para «Joseph, Nadia»').locator('option:checked')).toHaveText('Nadia Intérprete Joseph');
    await dialog.getByLabel('Persona para «Luis Herrera (Externo)»').selectOption({ label: 'Ignorar (no cuenta)' });
    await dialog.getByRole('button', { name: 'Confirmar e importar' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Archivo importado: 4 registros.');
    await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
    await expect(page.getByRole('textbox', { name: /^Minutos de Nadia Intérprete Joseph el 11/ })).toHaveValue('234');
    // Jorge was not in the meeting of day 2.
    await expect(page.getByRole('textbox', { name: /^Minutos de Jorge Registro López el 11/ })).toHaveValue('0');
  });

  await test.step('Moodle report/completion: held, closed, and reviewed later from the history', async () => {
    const dialog = await upload(page, 'Importar finalización en línea (CSV)', 'moodle-report-completion.csv');
    await expect(dialog.getByRole('row', { name: /Rosa Martínez Cano/ })).toContainText('Concluyó el');
    await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
    await expect(page.getByText('Pendiente de revisión')).toBeVisible();
    await page.getByRole('button', { name: 'Revisar el archivo moodle-report-completion.csv' }).click();
    const review = page.getByRole('dialog');
    await review.getByLabel('Persona para «Rosa Martínez Cano»').selectOption({ label: 'Ignorar (no cuenta)' });
    await review.getByRole('button', { name: 'Confirmar e importar' }).click();
    await expect(review.getByRole('status')).toHaveText('Archivo importado: 3 registros.');
    await review.getByRole('button', { name: 'Cerrar' }).first().click();
    await expect(page.getByRole('textbox', { name: 'Fecha de conclusión en línea de Nadia Intérprete Joseph' })).toHaveValue('2026-03-06');
    await expect(page.getByRole('textbox', { name: 'Fecha de conclusión en línea de Jorge Registro López' })).toHaveValue('');
    await expect(page.getByText('Pendiente de revisión')).toHaveCount(0);
  });
});

// An interview survives a lost connection and a closed tab without losing an answer, and a second
// tab on the same interview is told instead of overwriting the first in silence (ADR 025).
import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';
import { scheduledClaim, startInterview } from './api.ts';

// A whole interview page (lazy chunk, audited read, autosave) on a machine shared with other suites: more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

test('closing the tab mid-interview, offline, and opening it again loses no answer', async ({ page, context }) => {
  test.setTimeout(150_000);
  await signIn(page, 'supervisor');
  const claim = await scheduledClaim(page);
  const interview = await startInterview(page, claim, 'comar_elegibilidad');
  const url = `/claims/${claim.id}/interviews/${interview.id}`;
  await page.goto(url);
  const saved = page.getByRole('status').filter({ hasText: 'Todos los cambios están guardados' });

  await page.getByLabel('Relato libre', { exact: true }).fill('Salí de San Pedro Sula en enero, después de las amenazas.');
  await page.getByLabel('¿Qué teme que le ocurra si regresa?').fill('Que la pandilla me mate.');
  await expect(saved).toBeVisible({ timeout: 15_000 });

  // The connection drops; the officer keeps typing, and the page says the answers wait on this computer.
  await context.setOffline(true);
  await page.getByLabel('¿Quién le haría daño si regresa?').fill('La pandilla del barrio Rivera Hernández.');
  await page.getByLabel('Ruta: países por los que pasó y tiempo en cada uno').fill('Guatemala, tres días; luego Tecún Umán.');
  await expect(page.getByRole('status').filter({ hasText: /Sin conexión: 2 cambios guardados en este equipo/ })).toBeVisible({ timeout: 15_000 });
  // And then the tab is closed before the connection comes back.
  await page.close();
  // Requests the closing page started die with it; only then does the connection come back.
  await new Promise((resolve) => { setTimeout(resolve, 1000); });
  await context.setOffline(false);

  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(reopened.getByText(/Se recuperaron [12] cambios que no se habían enviado; se están guardando\./)).toBeVisible({ timeout: 15_000 });
  await expect(reopened.getByRole('status').filter({ hasText: 'Todos los cambios están guardados' })).toBeVisible({ timeout: 15_000 });
  await expect(reopened.getByLabel('¿Quién le haría daño si regresa?')).toHaveValue('La pandilla del barrio Rivera Hernández.');

  // What the server holds, read fresh: every answer is there.
  await reopened.reload();
  await expect(reopened.getByLabel('Relato libre', { exact: true })).toHaveValue('Salí de San Pedro Sula en enero, después de las amenazas.');
  await expect(reopened.getByLabel('¿Qué teme que le ocurra si regresa?')).toHaveValue('Que la pandilla me mate.');
  await expect(reopened.getByLabel('¿Quién le haría daño si regresa?')).toHaveValue('La pandilla del barrio Rivera Hernández.');
  await expect(reopened.getByLabel('Ruta: países por los que pasó y tiempo en cada uno')).toHaveValue('Guatemala, tres días; luego Tecún Umán.');
  await expectAccessible(reopened);
});

test('a second tab on the same interview is told, and its stale save is shown, not applied', async ({ page, context }) => {
  test.setTimeout(120_000);
  await signIn(page, 'supervisor');
  const claim = await scheduledClaim(page);
  const interview = await startInterview(page, claim, 'comar_elegibilidad');
  const url = `/claims/${claim.id}/interviews/${interview.id}`;
  await page.goto(url);
  await expect(page.getByLabel('¿Qué teme que le ocurra si regresa?')).toBeVisible();

  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByRole('alert').filter({ hasText: 'Esta entrevista está abierta en otra parte' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Esta entrevista está abierta en otra parte' })).toBeVisible({ timeout: 15_000 });

  // Both tabs loaded the answer unanswered; the first saves, then the second types over its old copy.
  await page.getByLabel('¿Qué teme que le ocurra si regresa?').fill('Texto de la primera pestaña');
  await expect(page.getByRole('status').filter({ hasText: 'Todos los cambios están guardados' })).toBeVisible({ timeout: 15_000 });
  await second.getByLabel('¿Qué teme que le ocurra si regresa?').fill('Texto de la segunda pestaña');
  const conflict = second.getByRole('alert').filter({ hasText: 'Otra pestaña o equipo guardó antes un cambio aquí' });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText('Texto de la primera pestaña');
  await expectAccessible(second);

  // Nothing was overwritten on the server; the officer then keeps the second text on purpose.
  const answerOnServer = async () => {
    const record = await (await page.request.get(`/api/interviews/${interview.id}`)).json() as { answers: Array<{ questionId: string; value: { text?: string } }> };
    return record.answers.find((a) => a.questionId === 'temor_que_teme')?.value.text;
  };
  expect(await answerOnServer()).toBe('Texto de la primera pestaña');
  await conflict.getByRole('button', { name: 'Conservar el mío' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Todos los cambios están guardados' })).toBeVisible({ timeout: 15_000 });
  expect(await answerOnServer()).toBe('Texto de la segunda pestaña');
});

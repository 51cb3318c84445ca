// The authority's questionnaires in Spanish: the supervisor reads COMAR's child-adapted
// questionnaire, edits it (a new version, a draft), publishes it, and the first version is kept.
import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

// A whole interview page (lazy chunk, audited read, autosave) on a machine shared with other suites: more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

test('a questionnaire edit becomes a new version, published while the first is kept', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'supervisor');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Cuestionarios de entrevista' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cuestionarios de entrevista' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Entrevista de elegibilidad \(COMAR\)/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Entrevista adaptada a niñas, niños y adolescentes (COMAR)' }).click();
  await expect(page.getByRole('region', { name: 'Apertura e información' })).toContainText('Comprobar que la niña, niño o adolescente y el intérprete se entienden.');
  await expect(page.getByText('Publicado', { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Editar (crea una nueva versión)' }).click();
  const closing = page.getByRole('region', { name: 'Cierre' });
  await closing.getByRole('button', { name: 'Agregar punto a Cierre' }).click();
  await closing.getByLabel('Punto 5', { exact: true }).fill('Preguntar si quiere que su representante le explique de nuevo algo.');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Guardar como nueva versión' }).click();
  await expect(page.getByText('Se creó la versión 2 como borrador.')).toBeVisible();
  await expect(page.getByText('Borrador', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Publicar', exact: true }).click();
  await expect(page.getByText('Versión 2 publicada.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cierre' })).toContainText('Preguntar si quiere que su representante le explique de nuevo algo.');

  const versions = page.getByRole('navigation', { name: 'Versiones' });
  await versions.getByRole('link', { name: 'Versión 1' }).click();
  await expect(page.getByText('Sustituido', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cierre' })).not.toContainText('Preguntar si quiere que su representante');
});

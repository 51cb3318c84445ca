// The coordinator's training reports: the four tables for the year, with their downloads.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

test('the coordinator reads the training reports and can download each one', async ({ page }) => {
  await signIn(page, 'capacitacion');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Informes de capacitación' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Informes de capacitación' })).toBeVisible();
  const coverage = page.getByRole('region', { name: 'Cobertura de competencias requeridas por oficina (hoy)' });
  await expect(coverage.getByRole('row', { name: /COMAR Tapachula Entrevista a niñas, niños y adolescentes/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await coverage.getByRole('link', { name: /Descargar Excel/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^refugio-coverage-\d{4}-01-01-\d{4}-12-31\.xlsx$/);
  await expect(page.getByRole('region', { name: 'Carga de los formadores' })).toBeVisible();
  await expectAccessible(page);
});

test('the supervisor reads the exceptions to the assignment rules for the year', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Excepciones de asignación' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Excepciones a las reglas de asignación' })).toBeVisible();
  await expect(page.getByLabel('Desde')).toHaveValue(/^\d{4}-01-01$/);
  await expect(page.getByRole('link', { name: 'Descargar CSV' })).toHaveAttribute('href', /format=csv/);
  await expect(page.getByRole('table').or(page.getByText('No hubo excepciones en este periodo.'))).toBeVisible();
  await expectAccessible(page);
});

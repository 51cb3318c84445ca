// The coordinator's dashboard (ADR 049): the impact of "Entrevista a niñas, niños y adolescentes"
// from the demo history, its download, and the good-practice evaluation of the demo action with its PDF.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

test('the coordinator reads the impact of the children\'s interviewing training and downloads it', async ({ page }) => {
  await signIn(page, 'capacitacion');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Cobertura e impacto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capacitación: cobertura e impacto' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cobertura de las competencias requeridas' }).getByRole('table')).toBeVisible();
  const impact = page.getByRole('region', { name: 'Impacto antes y después' });
  const action = impact.getByLabel('Acción de capacitación');
  const label = await action.locator('option', { hasText: /^Entrevista a niñas, niños y adolescentes · ITC-MIEUX-/ }).textContent();
  await action.selectOption({ label: label! });
  await expect(impact.getByText(/^Oficiales capacitados en la acción: 8 · sin capacitar: 8$/)).toBeVisible({ timeout: 20_000 });
  const days = impact.getByRole('row', { name: /^Días hábiles hasta la resolución/ });
  await expect(days).toContainText('Mejoró');
  await expect(days).toContainText(/n = \d+/);
  await expect(impact.getByRole('figure', { name: 'Días hábiles hasta la resolución, promedio' })).toBeVisible();
  const download = page.waitForEvent('download');
  await impact.getByRole('link', { name: 'Descargar CSV del impacto' }).click();
  expect((await download).suggestedFilename()).toMatch(/^refugio-impacto-ITC-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  await expectAccessible(page);
});

test('the coordinator opens the evaluation of the demo action and downloads its PDF', async ({ page }) => {
  await signIn(page, 'capacitacion');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Evaluación de acciones' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluación de acciones de fortalecimiento de capacidades' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Abrir la evaluación de México II/ }).click();
  // The evidence is computed from the records as the page opens (the impact of each module the action taught).
  await expect(page.getByRole('heading', { level: 1, name: /^México II: fortalecimiento de capacidades/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Participantes por institución' }).getByRole('row', { name: /Instituto Nacional de Migración/ })).toBeVisible();
  const tangible = page.getByRole('region', { name: '4. Resultados tangibles' });
  await expect(tangible.getByText('Evidencia de los registros', { exact: true })).toBeVisible();
  await expect(tangible.getByText(/ITC, Días hábiles hasta la resolución: diferencia en diferencias -\d/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Descargar PDF en español' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^refugio-evaluacion-[0-9a-f]{8}-es-MX\.pdf$/);
  await expectAccessible(page);
});

// The COI library's results in pages of 25 (ADR 056): an officer who files 27 reports on one subject
// finds them all, page by page, with the range shown and the pager usable by keyboard.
import { expect, test } from '@playwright/test';
import { csrf } from '../interviews/api.ts';
import { expectAccessible, signIn } from '../support.ts';

test('the library shows its results in pages', async ({ page }) => {
  await signIn(page, 'elegibilidad');
  const word = `pagina${Date.now().toString(36)}`;
  const token = await csrf(page);
  for (let i = 1; i <= 27; i++) {
    const res = await page.request.post('/api/coi-sources', {
      headers: { 'x-csrf-token': token },
      data: {
        title: `Honduras: informe ${i} sobre ${word}`, publisher: 'ACNUR', publishedOn: `2025-01-${String(i).padStart(2, '0')}`,
        accessedOn: '2025-12-01', url: null, language: 'es', countries: ['HND'], topics: ['security_situation'], excerpt: `Resumen sobre ${word}.`,
      },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }

  await page.goto('/coi');
  const search = page.getByRole('search', { name: 'Buscar fuentes' });
  await search.getByLabel('Palabras').fill(word);
  await search.getByRole('button', { name: 'Buscar' }).click();
  const results = page.getByRole('region', { name: 'Resultados' });
  await expect(results).toContainText('Fuentes encontradas: 27');
  const pager = results.getByRole('navigation', { name: 'Páginas de resultados' });
  await expect(pager).toContainText('1–25 de 27');
  await expect(pager.getByRole('button', { name: 'Anteriores' })).toBeDisabled();
  await expectAccessible(page);

  await pager.getByRole('button', { name: 'Siguientes' }).focus();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('26–27 de 27');
  // Equal relevance, so the newest first: the last page holds the two oldest.
  await expect(results.getByRole('link', { name: new RegExp(`informe (1|2) sobre ${word}$`) })).toHaveCount(2);
  await expect(pager.getByRole('button', { name: 'Siguientes' })).toBeDisabled();

  // A new search starts again at the first page.
  await search.getByRole('button', { name: 'Buscar' }).click();
  await expect(pager).toContainText('1–25 de 27');
});

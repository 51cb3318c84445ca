// The coordinator browses the curriculum (filtered), reads a module with its guides, changes a
// module, and keeps the guides library: a PDF refused for not being one, a guide uploaded, a new
// version that supersedes it (the history keeps both), the download under its name.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\ntrailer <<>>\n%%EOF\n`);

test('a coordinator browses the curriculum, changes a module and adds a guide version', async ({ page }) => {
  await signIn(page, 'capacitacion');
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await nav.getByRole('list', { name: 'Capacitación' }).getByRole('link', { name: 'Currículo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Currículo de capacitación' })).toBeVisible();
  await page.getByLabel('Nivel').selectOption({ label: 'Avanzado' });
  await page.getByLabel('Modalidad').selectOption({ label: 'Mixta (en línea y presencial)' });
  await expect(page.getByRole('rowheader', { name: /ACC · Acceso al procedimiento de asilo/ })).toHaveCount(0);
  const itc = page.getByRole('row', { name: /ITC · Entrevista a niñas, niños y adolescentes/ });
  await expect(itc).toContainText('20 h en línea · 2 días presenciales');
  await expect(itc).toContainText('o 6 meses de experiencia entrevistando');
  await expect(itc).toContainText('36 meses');
  await expectAccessible(page);

  // The module page: what it requires and confers, and the guides read before it.
  await itc.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'ITC · Entrevista a niñas, niños y adolescentes' })).toBeVisible();
  await expect(page.getByText('parte en línea concluida · asistencia de al menos 80 % · calificación de al menos 70')).toBeVisible();
  const guides = page.getByRole('region', { name: 'Guías prácticas' });
  await expect(guides.getByRole('link', { name: 'EUAA Practical guide: Personal interview (abre otro sitio)' })).toHaveAttribute('href', /euaa\.europa\.eu/);
  await expectAccessible(page);

  // Management (MGT): a validity is added, shown in the catalogue.
  await page.goto('/training/catalogue');
  await page.getByRole('link', { name: /MGT · Gestión/ }).click();
  await page.getByRole('link', { name: 'Editar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Editar el módulo MGT' })).toBeVisible();
  await expect(page.getByLabel('Clave')).toBeDisabled();
  await page.getByLabel('Vigencia (meses)').fill('24');
  await page.getByRole('group', { name: 'Dirigido a' }).getByRole('checkbox', { name: 'Coordinación de capacitación' }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'MGT · Gestión' })).toBeVisible();
  await expect(page.getByText('24 meses')).toBeVisible();

  // The guides library.
  await nav.getByRole('link', { name: 'Guías prácticas' }).click();
  await expect(page.getByRole('rowheader', { name: 'unhcr-child-asylum-claims' })).toBeVisible();
  await page.getByRole('button', { name: 'Agregar guía' }).click();
  const dialog = page.getByRole('dialog', { name: 'Agregar guía' });
  await dialog.getByLabel('Clave de la guía').fill('comar-entrevista-nna');
  await dialog.getByLabel('Título').fill('Guía COMAR para entrevistar a niñas, niños y adolescentes');
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'notas.pdf', mimeType: 'application/pdf', buffer: Buffer.from('no soy un PDF') });
  await dialog.getByRole('button', { name: 'Guardar versión' }).click();
  await expect(dialog.getByText('El archivo no es un PDF.').first()).toBeVisible();
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'Guía NNA.pdf', mimeType: 'application/pdf', buffer: pdf('primera') });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Guardar versión' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /comar-entrevista-nna/ });
  await expect(row).toContainText('Español (México), versión 1');

  // A second version supersedes the first; the history keeps both.
  await row.getByRole('button', { name: 'Nueva versión de comar-entrevista-nna en Español (México)' }).click();
  const next = page.getByRole('dialog', { name: 'Nueva versión de comar-entrevista-nna' });
  await next.getByLabel('Título').fill('Guía COMAR para entrevistar a niñas, niños y adolescentes (2027)');
  await next.locator('input[type="file"]').setInputFiles({ name: 'Guía NNA 2027.pdf', mimeType: 'application/pdf', buffer: pdf('segunda') });
  await next.getByRole('button', { name: 'Guardar versión' }).click();
  await expect(next).toBeHidden();
  await expect(row).toContainText('Español (México), versión 2');
  await row.getByRole('button', { name: 'Módulos de la guía comar-entrevista-nna' }).click();
  const modules = page.getByRole('dialog', { name: 'Módulos de la guía comar-entrevista-nna' });
  await modules.getByRole('checkbox', { name: 'ITC · Entrevista a niñas, niños y adolescentes' }).click();
  await expect(modules.getByRole('checkbox', { name: 'ITC · Entrevista a niñas, niños y adolescentes' })).toBeChecked();
  await expectAccessible(page);
  await modules.getByRole('button', { name: 'Cerrar' }).click();
  await expect(row).toContainText('ITC');

  await page.getByLabel('Mostrar versiones anteriores').check();
  const versions = page.getByRole('row', { name: /comar-entrevista-nna/ });
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(1)).toContainText('Sustituida');
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Guía COMAR para entrevistar a niñas, niños y adolescentes (2027) (descargar PDF)' }).click();
  expect((await download).suggestedFilename()).toBe('Guía NNA 2027.pdf');
});

test('an officer reads the curriculum, a module and the guides library (read only, accessible)', async ({ page }) => {
  await signIn(page, 'elegibilidad');
  for (const path of ['/training/catalogue', '/training/guides']) {
    await test.step(path, async () => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('button', { name: /Nuevo módulo|Agregar guía/ })).toHaveCount(0);
      await expectAccessible(page);
    });
  }
  await page.goto('/training/catalogue');
  await page.getByRole('link', { name: /EA · Evaluación de pruebas/ }).click();
  await expect(page.getByRole('region', { name: 'Guías prácticas' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Editar' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a coordinator edits a visiting expert on the roster and withdraws a certification', async ({ page }) => {
  await signIn(page, 'capacitacion');
  await page.goto('/training/trainers');
  const expert = page.getByRole('row', { name: /Elena Marković/ });
  await expect(expert).toContainText('TTT (1 sep 2023)');
  await expert.getByRole('button', { name: 'Editar Elena Marković' }).click();
  const dialog = page.getByRole('dialog', { name: 'Editar Elena Marković' });
  await dialog.getByLabel('País').fill('ES');
  await dialog.getByLabel('Idiomas').fill('en, es, hr, fr');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
  await expect(expert).toContainText('ES · en, es, hr, fr');
  await expert.getByRole('button', { name: 'Retirar la certificación TTT de Elena Marković' }).click();
  await expect(expert).not.toContainText('TTT (');
  await expect(expert).toContainText('ITC (1 sep 2023)');
  await expectAccessible(page);
});

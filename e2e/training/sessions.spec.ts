// The coordinator creates a blended session of "Interviewing children", enrols the eligibility
// officer (who holds the prerequisite) and sees the clerk refused for lacking it; the officer
// finds the session in her training.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

test('a coordinator creates a session and enrols staff; the officer sees it in her training', async ({ page }) => {
  await signIn(page, 'capacitacion');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Currículo' }).click();
  await expect(page.getByRole('rowheader', { name: /ITC · Entrevista a niñas, niños y adolescentes/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/training/sessions');
  await page.getByRole('button', { name: 'Nueva sesión' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva sesión' });
  await dialog.getByLabel('Módulo').selectOption({ label: 'ITC · Entrevista a niñas, niños y adolescentes' });
  await dialog.getByLabel('Sede').fill('COMAR Tapachula, sala de capacitación');
  await dialog.getByLabel('Inicio de la parte en línea').fill('2027-01-11');
  await dialog.getByLabel('Cupo').fill('20');
  await dialog.getByLabel('Día 1', { exact: true }).fill('2027-02-08');
  await dialog.getByRole('button', { name: 'Agregar día' }).click();
  await dialog.getByLabel('Día 2', { exact: true }).fill('2027-02-08');
  await dialog.getByRole('group', { name: 'Formadores' }).getByRole('checkbox', { name: /^Carlos Formador Vega/ }).check();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Crear sesión' }).click();
  // The same date twice is named on the second day; the form keeps what was typed.
  await expect(dialog.getByText('Esta fecha ya figura en la sesión.')).toBeVisible();
  await dialog.getByLabel('Día 2', { exact: true }).fill('2027-02-09');
  await dialog.getByRole('button', { name: 'Crear sesión' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'ITC-2027-01-11 · Entrevista a niñas, niños y adolescentes' })).toBeVisible();
  await expect(page.getByText('8 feb 2027 · 09:00–17:00')).toBeVisible();
  await expect(page.getByText('Formadores: Carlos Formador Vega')).toBeVisible();
  const enrol = page.getByRole('region', { name: 'Inscribir personal' });
  await enrol.getByRole('checkbox', { name: 'Ana Elegibilidad Torres (elegibilidad)' }).check();
  await enrol.getByRole('checkbox', { name: 'Jorge Registro López (registro)' }).check();
  await enrol.getByRole('button', { name: 'Inscribir (2)' }).click();
  await expect(enrol.getByRole('status')).toContainText('Inscripciones nuevas: 1 · en lista de espera: 0 · con inscripción previa: 0');
  await expect(enrol.getByRole('status')).toContainText('No se pudo inscribir a Jorge Registro López: le falta Técnicas de entrevista.');
  await expect(page.getByRole('region', { name: 'Participantes' }).getByRole('row', { name: /Ana Elegibilidad Torres/ })).toContainText('Inscripción confirmada');
  await expectAccessible(page);

  // The roster: the national trainer certified for the module he teaches.
  await page.goto('/training/trainers');
  await page.getByLabel('Módulo para Carlos Formador Vega').selectOption({ label: 'ITC' });
  await page.getByLabel('Certificado el (para Carlos Formador Vega)').fill('2025-05-01');
  await page.getByRole('row', { name: /Carlos Formador Vega/ }).getByRole('button', { name: 'Certificar' }).click();
  await expect(page.getByRole('row', { name: /Carlos Formador Vega/ })).toContainText('ITC (1 may 2025)');
  await expectAccessible(page);

  await signIn(page, 'elegibilidad');
  await page.goto('/training/mine');
  await expect(page.getByRole('row', { name: /11 ene 2027/ })).toContainText('Entrevista a niñas, niños y adolescentes');
  await expectAccessible(page);
});

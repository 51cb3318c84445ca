// Needs assessment, in Spanish: the coordinator opens a campaign for Tapachula, the eligibility
// officer answers it, and the proposed plan then reflects her answer; the plan downloads.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
const year = Number(today.slice(0, 4));
const TITLE = 'Diagnóstico Tapachula (prueba)';

test('a campaign is opened, answered by an officer and turned into a plan', async ({ page }) => {
  await signIn(page, 'capacitacion');
  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  await nav.getByRole('link', { name: 'Diagnóstico de necesidades', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnóstico de necesidades de capacitación' })).toBeVisible();
  // The demo campaign under way, with two answers (of the four demo staff, more if earlier journeys added accounts).
  await expect(page.getByRole('row', { name: /Diagnóstico de necesidades de capacitación COMAR .* 2 de \d+/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Nueva campaña' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva campaña' });
  await dialog.getByLabel('Título').fill(TITLE);
  await dialog.getByLabel('Oficina', { exact: true }).selectOption({ label: 'COMAR Tapachula' });
  await dialog.getByLabel('Abre el').fill(`${year}-01-01`);
  await dialog.getByLabel('Cierra el').fill(`${year - 1}-12-31`);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByText('La fecha final no puede ser anterior a la inicial.')).toBeVisible();
  await dialog.getByLabel('Cierra el').fill(`${year + 1}-12-31`);
  await dialog.getByRole('button', { name: 'Guardar' }).click();

  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText('Borrador')).toBeVisible();
  await page.getByRole('button', { name: 'Abrir campaña' }).click();
  await expect(page.getByText('Abierta', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cerrar campaña' })).toBeVisible();
  await expectAccessible(page);
  const campaignUrl = page.url();

  await signIn(page, 'elegibilidad');
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Mi diagnóstico de necesidades' }).click();
  const form = page.getByRole('region', { name: TITLE });
  await form.getByLabel('Años de experiencia en su función').fill('4');
  await form.getByLabel('Modalidad preferida').selectOption({ label: 'Videoconferencia' });
  await form.getByRole('checkbox', { name: 'English' }).check();
  await form.getByRole('radiogroup', { name: 'Entrevista a niñas, niños y adolescentes' }).getByRole('radio', { name: 'Básico' }).check();
  await form.getByRole('radiogroup', { name: 'Técnicas de entrevista' }).getByRole('radio', { name: 'Con soltura' }).check();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Enviar respuestas' }).click();
  await expect(form.getByRole('status')).toContainText('Respuesta guardada');
  await expect(form.getByRole('button', { name: 'Guardar cambios' })).toBeVisible();

  await signIn(page, 'capacitacion');
  await page.goto(campaignUrl);
  await expect(page.getByText(/^1 de \d+$/)).toBeVisible();
  // The plan: who needs which module at which level, in which format, and why.
  const proposals = page.getByRole('region', { name: /Propuestas por persona/ });
  await expect(proposals.getByRole('row', { name: /Ana Elegibilidad Torres/ }).first()).toBeVisible();
  await expect(proposals.getByRole('row', { name: /Jorge Registro López .*ACC.*Sin respuesta al cuestionario/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sesiones a planear' }).getByRole('row', { name: /ACC/ })).toBeVisible();
  await expectAccessible(page);
  // Acting on the plan: the people proposed for a module go to one of its sessions (none open yet in the demo).
  await page.getByRole('button', { name: 'Inscribir en una sesión de ACC' }).click();
  const enrol = page.getByRole('dialog', { name: 'Inscribir en una sesión de ACC' });
  await expect(enrol).toContainText('Jorge Registro López');
  await expect(enrol.getByRole('link', { name: 'Crear una sesión' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Descargar el plan (XLSX)' }).click();
  expect((await download).suggestedFilename()).toBe(`refugio-plan-${year}-01-01.xlsx`);

  await page.getByRole('tab', { name: 'Respuestas' }).click();
  await expect(page.getByRole('row', { name: /Ana Elegibilidad Torres .* 4 Videoconferencia/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Sin responder: \d+/ })).toContainText('Marta Supervisora Gómez');
  await expectAccessible(page);
});

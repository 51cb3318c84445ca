// Self-enrolment with approval and pre-reading (ADR 015), in Spanish: the
// coordinator creates a session, edits it to take requests and gives it a guide of the library;
// the eligibility officer asks for a place; the coordinator approves; the officer reads the guide
// and says so; the coordinator sees it read. Axe on each page. The session has its own date, so
// the sessions journey that follows is not affected.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../support.ts';

const CODE = 'ITC-2027-03-01';
const GUIDE = 'EUAA Practical guide: Personal interview';

test('an officer asks for a place, the coordinator approves, the officer reads the pre-reading and the coordinator sees it', async ({ page }) => {
  // Four sign-ins and six accessibility scans: longer than one page's journey.
  test.setTimeout(150_000);
  await signIn(page, 'capacitacion');
  await page.goto('/training/sessions');
  await page.getByRole('button', { name: 'Nueva sesión' }).click();
  const create = page.getByRole('dialog', { name: 'Nueva sesión' });
  await create.getByLabel('Módulo').selectOption({ label: 'ITC · Entrevista a niñas, niños y adolescentes' });
  await create.getByLabel('Sede').fill('COMAR Tapachula, sala 1');
  await create.getByLabel('Inicio de la parte en línea').fill('2027-03-01');
  await create.getByLabel('Cupo').fill('1');
  await create.getByLabel('Día 1', { exact: true }).fill('2027-04-05');
  await create.getByRole('button', { name: 'Crear sesión' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${CODE} · Entrevista a niñas, niños y adolescentes` })).toBeVisible();

  // Edited after creation: it now takes requests, with more places and a second day.
  await page.getByRole('button', { name: 'Editar sesión' }).click();
  const edit = page.getByRole('dialog', { name: `Editar la sesión ${CODE}` });
  await edit.getByLabel('Acepta solicitudes de lugar del personal').check();
  await edit.getByLabel('Cupo').fill('12');
  await edit.getByRole('button', { name: 'Agregar día' }).click();
  await edit.getByLabel('Día 2', { exact: true }).fill('2027-04-06');
  await expectAccessible(page);
  await edit.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('0 de 12 (en espera: 0)')).toBeVisible();
  await expect(page.getByText('6 abr 2027 · 09:00–17:00')).toBeVisible();

  // Pre-reading from the guides library.
  const guides = page.getByRole('region', { name: 'Lecturas previas' });
  await guides.getByLabel('Guía de la biblioteca').selectOption('euaa-personal-interview');
  await guides.getByRole('button', { name: 'Asignar' }).click();
  await expect(guides.getByRole('link', { name: `${GUIDE} (abre otro sitio)` })).toBeVisible();
  await expect(guides).toContainText('Leída por 0 de 0 personas inscritas');
  await expectAccessible(page);

  // The officer finds the session open to requests and asks for a place.
  await signIn(page, 'elegibilidad');
  await page.goto('/training/mine');
  const open = page.getByRole('region', { name: 'Sesiones abiertas a solicitud' });
  await open.getByRole('button', { name: `Solicitar lugar en ${CODE}` }).click();
  await expect(page.getByText('Solicitud enviada: la coordinación de capacitación la revisará.')).toBeVisible();
  await expect(open.getByRole('button', { name: `Solicitar lugar en ${CODE}` })).toHaveCount(0);
  const mine = page.getByRole('table').first();
  await expect(mine.getByRole('row', { name: /1 mar 2027/ })).toContainText('Solicitada');
  await expect(mine.getByRole('button', { name: `Retirar la solicitud para ${CODE}` })).toBeVisible();
  await expectAccessible(page);

  // The coordinator approves the request: a place is free.
  await signIn(page, 'capacitacion');
  await page.goto('/training/sessions');
  await page.getByRole('link', { name: CODE }).click();
  const requests = page.getByRole('region', { name: 'Solicitudes de lugar' });
  await expect(requests.getByRole('row', { name: /Ana Elegibilidad Torres/ })).toBeVisible();
  await expectAccessible(page);
  await requests.getByRole('button', { name: 'Aprobar la solicitud de Ana Elegibilidad Torres' }).click();
  await expect(requests).toContainText('No hay solicitudes pendientes.');
  await expect(page.getByRole('region', { name: 'Participantes' }).getByRole('row', { name: /Ana Elegibilidad Torres/ })).toContainText('Inscripción confirmada');
  await expect(page.getByRole('region', { name: 'Lecturas previas' })).toContainText('Leída por 0 de 1 personas inscritas');
  await expect(page.getByRole('region', { name: 'Lecturas previas' })).toContainText('Falta que la lean: Ana Elegibilidad Torres');

  // The officer reads the guide (in English: the only version) and says so.
  await signIn(page, 'elegibilidad');
  await page.goto('/training/mine');
  const reading = page.getByRole('region', { name: `Entrevista a niñas, niños y adolescentes (${CODE})` });
  await expect(reading.getByRole('link', { name: `${GUIDE} (abre otro sitio)` })).toHaveAttribute('href', /euaa\.europa\.eu/);
  await expect(reading).toContainText('English, versión 1');
  await reading.getByRole('button', { name: `He leído esta guía: ${GUIDE}` }).click();
  await expect(reading).toContainText('Leída el');
  await expectAccessible(page);

  // The coordinator sees it read.
  await signIn(page, 'capacitacion');
  await page.goto('/training/sessions');
  await page.getByRole('link', { name: CODE }).click();
  const read = page.getByRole('region', { name: 'Lecturas previas' });
  await expect(read).toContainText('Leída por 1 de 1 personas inscritas');
  await expect(read).not.toContainText('Falta que la lean');
  await expectAccessible(page);
});

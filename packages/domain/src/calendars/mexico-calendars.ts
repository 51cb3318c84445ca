// Mexico's two statutory calendars, shipped as data. Claim clocks use LFPA art. 28 (nominal dates);
// the labour-law list (LFT art. 74, Mondays) is what public-holiday libraries return and is the
// wrong calendar for administrative terms. Authorities add their DOF declarations on top.
import {
  defineCalendar,
  type Calendar,
  type CalendarRule,
  type DateRangeRule,
  type SuspensionRule,
} from './calendar.rules.ts';

const LFPA = 'LFPA art. 28';
const LFT = 'LFT art. 74';

function lfpaDate(id: string, label: string, month: number, day: number): CalendarRule {
  return { kind: 'fixed_date', id: `lfpa28.${id}`, label, source: LFPA, month, day };
}

export const LFPA_ART_28: Calendar = defineCalendar({
  code: 'LFPA_ART_28',
  label: 'Ley Federal de Procedimiento Administrativo, art. 28',
  weekendDays: [6, 7],
  weekendSource: LFPA,
  rules: [
    lfpaDate('new_year', '1 de enero', 1, 1),
    lfpaDate('constitution', '5 de febrero', 2, 5),
    lfpaDate('juarez', '21 de marzo', 3, 21),
    lfpaDate('labour_day', '1 de mayo', 5, 1),
    lfpaDate('puebla', '5 de mayo', 5, 5),
    lfpaDate('state_of_union', '1 de septiembre', 9, 1),
    lfpaDate('independence', '16 de septiembre', 9, 16),
    lfpaDate('revolution', '20 de noviembre', 11, 20),
    lfpaDate('christmas', '25 de diciembre', 12, 25),
    // The article reads "1 December every six years, when it is the transfer of executive power".
    // Since 2024 the transfer is on 1 October (Constitution art. 83), so the condition may never be
    // met again; the date is kept as the article reads (…2018, 2024, 2030…) pending legal review.
    {
      kind: 'periodic',
      id: 'lfpa28.executive_transfer',
      label: '1 de diciembre, transmisión del Poder Ejecutivo Federal',
      source: LFPA,
      month: 12,
      day: 1,
      everyYears: 6,
      anchorYear: 2018,
    },
  ],
});

export const LFT_ART_74: Calendar = defineCalendar({
  code: 'LFT_ART_74',
  label: 'Ley Federal del Trabajo, art. 74',
  weekendDays: [6, 7],
  rules: [
    { kind: 'fixed_date', id: 'lft74.new_year', label: '1 de enero', source: LFT, month: 1, day: 1 },
    // Monday holidays since the reform published in the DOF on 17 January 2006; the March one
    // applied from 2007. Before that the list used nominal dates.
    {
      kind: 'nth_weekday',
      id: 'lft74.constitution',
      label: 'Primer lunes de febrero (5 de febrero)',
      source: `${LFT} (DOF 17/01/2006)`,
      month: 2,
      weekday: 1,
      n: 1,
      validFrom: 2006,
    },
    {
      kind: 'fixed_date',
      id: 'lft74.constitution_nominal',
      label: '5 de febrero',
      source: `${LFT} (texto anterior a DOF 17/01/2006)`,
      month: 2,
      day: 5,
      validTo: 2005,
    },
    {
      kind: 'nth_weekday',
      id: 'lft74.juarez',
      label: 'Tercer lunes de marzo (21 de marzo)',
      source: `${LFT} (DOF 17/01/2006, en vigor desde 2007)`,
      month: 3,
      weekday: 1,
      n: 3,
      validFrom: 2007,
    },
    {
      kind: 'fixed_date',
      id: 'lft74.juarez_nominal',
      label: '21 de marzo',
      source: `${LFT} (texto anterior a DOF 17/01/2006)`,
      month: 3,
      day: 21,
      validTo: 2006,
    },
    { kind: 'fixed_date', id: 'lft74.labour_day', label: '1 de mayo', source: LFT, month: 5, day: 1 },
    { kind: 'fixed_date', id: 'lft74.independence', label: '16 de septiembre', source: LFT, month: 9, day: 16 },
    {
      kind: 'periodic',
      id: 'lft74.executive_transfer_october',
      label: '1 de octubre, transmisión del Poder Ejecutivo Federal',
      source: `${LFT} fr. VII (DOF 30/09/2024)`,
      month: 10,
      day: 1,
      everyYears: 6,
      anchorYear: 2024,
      validFrom: 2024,
    },
    {
      kind: 'nth_weekday',
      id: 'lft74.revolution',
      label: 'Tercer lunes de noviembre (20 de noviembre)',
      source: `${LFT} (DOF 17/01/2006)`,
      month: 11,
      weekday: 1,
      n: 3,
      validFrom: 2006,
    },
    {
      kind: 'fixed_date',
      id: 'lft74.revolution_nominal',
      label: '20 de noviembre',
      source: `${LFT} (texto anterior a DOF 17/01/2006)`,
      month: 11,
      day: 20,
      validTo: 2005,
    },
    {
      kind: 'periodic',
      id: 'lft74.executive_transfer_december',
      label: '1 de diciembre, transmisión del Poder Ejecutivo Federal',
      source: `${LFT} fr. VII (texto anterior a DOF 30/09/2024)`,
      month: 12,
      day: 1,
      everyYears: 6,
      anchorYear: 2018,
      validTo: 2023,
    },
    { kind: 'fixed_date', id: 'lft74.christmas', label: '25 de diciembre', source: LFT, month: 12, day: 25 },
    // Election days (fr. IX) are set by the electoral laws; federal ordinary elections fall on a
    // Sunday, already a weekend day. Add local ones as date_range rules when published.
  ],
});

export const MEXICO_CALENDARS: readonly Calendar[] = [LFPA_ART_28, LFT_ART_74];

/** Claim clocks count in LFPA art. 28 days unless an administrator picks another calendar. */
export const DEFAULT_CLAIM_CALENDAR_CODE = LFPA_ART_28.code;

// Sample authority declarations, not part of the base calendars: they show how an authority's
// DOF publications extend a statutory calendar, and the tests use them.

/** COMAR 2024 Holy Week: Holy Thursday and Good Friday, 28–29 March 2024. */
export const SAMPLE_COMAR_2024_HOLY_WEEK: DateRangeRule = {
  kind: 'date_range',
  id: 'comar.2024.holy_week',
  label: 'Jueves y Viernes Santo 2024',
  source: 'Acuerdo COMAR de días inhábiles 2024, DOF (ejemplo: confirmar la cita exacta)',
  from: '2024-03-28',
  to: '2024-03-29',
};

/** COVID-19: all time limits suspended 24 March – 17 April 2020; counting resumed 20 April. */
export const SAMPLE_COVID_SUSPENSION_2020: SuspensionRule = {
  kind: 'suspension',
  id: 'covid.2020.suspension',
  label: 'Suspensión de plazos por COVID-19',
  source: 'DOF 24/03/2020',
  from: '2020-03-24',
  to: '2020-04-17',
};

import { useQuery } from '@tanstack/react-query';
import {
  ZCalendarChangeResult, ZCalendarDetail, ZCalendarSummary, ZDueDateExplanation, ZRecomputation,
  type TCalendarChangeResult, type TCalendarDetail, type TCalendarRuleInput, type TCalendarSummary, type TDueDateExplanation,
  type TRecomputation,
} from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export const CALENDARS_KEY = ['calendars'] as const;

export function useCalendars() {
  return useQuery({
    queryKey: CALENDARS_KEY,
    queryFn: () => apiRequest<TCalendarSummary[]>('/api/calendars', { schema: ZCalendarSummary.array() }),
  });
}

export function useCalendar(id: string | null) {
  return useQuery({
    queryKey: [...CALENDARS_KEY, id],
    queryFn: () => apiRequest<TCalendarDetail>(`/api/calendars/${id}`, { schema: ZCalendarDetail }),
    enabled: id !== null,
  });
}

export function useDueDate(id: string | null, from: string, workingDays: number | null) {
  return useQuery({
    queryKey: [...CALENDARS_KEY, id, 'due-date', from, workingDays],
    queryFn: () => apiRequest<TDueDateExplanation>(`/api/calendars/${id}/due-date`, {
      query: { from, workingDays }, schema: ZDueDateExplanation,
    }),
    enabled: id !== null && /^\d{4}-\d{2}-\d{2}$/.test(from) && workingDays !== null,
    retry: false,
  });
}

export interface CalendarFields {
  code: string;
  name: string;
  extendsId: string;
  officeIds: string[];
}

export function createCalendar(input: CalendarFields, idempotencyKey: string) {
  return apiRequest<TCalendarDetail>('/api/calendars', { method: 'POST', body: input, idempotencyKey, schema: ZCalendarDetail });
}

export function previewRule(calendarId: string, rule: TCalendarRuleInput) {
  return apiRequest<TRecomputation>(`/api/calendars/${calendarId}/rules/preview`, { method: 'POST', body: { rule }, schema: ZRecomputation });
}

export function addRule(calendarId: string, input: { version: number; rule: TCalendarRuleInput }, idempotencyKey: string) {
  return apiRequest<TCalendarChangeResult>(`/api/calendars/${calendarId}/rules`, {
    method: 'POST', body: input, idempotencyKey, schema: ZCalendarChangeResult,
  });
}

export function removeRule(calendarId: string, ruleId: string, version: number) {
  return apiRequest<TCalendarChangeResult>(`/api/calendars/${calendarId}/rules/${ruleId}`, {
    method: 'DELETE', query: { version }, schema: ZCalendarChangeResult,
  });
}

export function makeDefaultForClaims(calendarId: string, version: number) {
  return apiRequest<TCalendarDetail>(`/api/calendars/${calendarId}`, {
    method: 'PATCH', body: { version, isDefaultForClaims: true }, schema: ZCalendarDetail,
  });
}

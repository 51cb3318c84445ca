import { useQuery } from '@tanstack/react-query';
import {
  ZAbandonmentDecision, ZAbandonmentQueue, ZAgenda, ZAppointment, ZBookingOptions, ZInterpreter, ZMyBookings, ZSignatureStatus,
  type AgendaView, type TAbandonmentDecisionInput, type TAppointmentInput, type TInterpreterInput, type TInterpreterUpdate,
  type TNoShowInput, type TPostponeInput, type TRescheduleInput, type TWeeklySignatureInput,
} from '@refugio/domain';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';

const ZUsers = z.object({ items: z.array(z.object({ id: z.string(), username: z.string(), fullName: z.string() })) });

export const SCHEDULING_KEY = ['scheduling'] as const;

export function useInterpreters(filters: { language?: string; officeId?: string; includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'interpreters', filters],
    queryFn: () => apiRequest('/api/interpreters', {
      query: { language: filters.language, officeId: filters.officeId, includeInactive: filters.includeInactive ? 'true' : undefined },
      schema: ZInterpreter.array(),
    }),
  });
}

export function createInterpreter(body: TInterpreterInput, idempotencyKey: string) {
  return apiRequest('/api/interpreters', { method: 'POST', body, idempotencyKey, schema: ZInterpreter });
}

export function updateInterpreter(id: string, body: TInterpreterUpdate) {
  return apiRequest(`/api/interpreters/${id}`, { method: 'PUT', body, schema: ZInterpreter });
}

export function useBookingOptions(claimId: string) {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'claim', claimId, 'options'],
    queryFn: () => apiRequest(`/api/claims/${claimId}/booking-options`, { schema: ZBookingOptions }),
    retry: false,
  });
}

export function useClaimAppointments(claimId: string) {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'claim', claimId, 'appointments'],
    queryFn: () => apiRequest(`/api/claims/${claimId}/appointments`, { schema: ZAppointment.array() }),
  });
}

export function bookAppointment(claimId: string, body: TAppointmentInput, idempotencyKey: string) {
  return apiRequest(`/api/claims/${claimId}/appointments`, { method: 'POST', body, idempotencyKey, schema: ZAppointment });
}

export function rescheduleAppointment(id: string, body: TRescheduleInput, idempotencyKey: string) {
  return apiRequest(`/api/appointments/${id}/reschedule`, { method: 'POST', body, idempotencyKey, schema: ZAppointment });
}

export function recordNoShow(id: string, body: TNoShowInput) {
  return apiRequest(`/api/appointments/${id}/no-show`, { method: 'POST', body, schema: ZAppointment });
}

export function postponeAppointment(id: string, body: TPostponeInput) {
  return apiRequest(`/api/appointments/${id}/postpone`, { method: 'POST', body, schema: ZAppointment });
}

export function useAgenda(view: AgendaView, date: string, officerId?: string) {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'agenda', view, date, officerId],
    queryFn: () => apiRequest('/api/scheduling/agenda', { query: { view, date, officerId }, schema: ZAgenda }),
  });
}

export function useMyBookings() {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'mine'],
    queryFn: () => apiRequest('/api/scheduling/my-bookings', { schema: ZMyBookings }),
  });
}

export function useSignatures(claimId: string) {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'claim', claimId, 'signatures'],
    queryFn: () => apiRequest(`/api/claims/${claimId}/signatures`, { schema: ZSignatureStatus }),
  });
}

export function recordSignature(claimId: string, body: TWeeklySignatureInput, idempotencyKey: string) {
  return apiRequest(`/api/claims/${claimId}/signatures`, { method: 'POST', body, idempotencyKey, schema: ZSignatureStatus });
}

export function useAbandonmentQueue() {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'abandonment'],
    queryFn: () => apiRequest('/api/scheduling/abandonment-queue', { schema: ZAbandonmentQueue }),
  });
}

export function decideAbandonment(claimId: string, decision: 'confirm' | 'dismiss', body: TAbandonmentDecisionInput) {
  return apiRequest(`/api/scheduling/abandonment-queue/${claimId}/${decision}`, { method: 'POST', body, schema: ZAbandonmentDecision });
}

/** Accounts holding the interpreter role in the reader's scope, to link a staff interpreter to. */
export function useInterpreterAccounts(enabled: boolean) {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'interpreter-accounts'],
    queryFn: () => apiRequest('/api/users', {
      query: { role: 'interpreter', active: 'true', limit: 200 },
      schema: ZUsers,
    }),
    enabled,
  });
}

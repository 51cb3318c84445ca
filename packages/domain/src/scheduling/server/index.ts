// Public server surface of the scheduling feature (ADR 024, ADR 027): the interpreter roster,
// interview appointments (booking, rescheduling, no-shows, postponements, the notice and the
// .ics, agendas, an interpreter's own bookings), the weekly signature and the abandonment it may
// lead to, and the authority's settings for both.
export { createInterpreter, type CreateInterpreterOptions } from './create-interpreter.ts';
export { updateInterpreter, type UpdateInterpreterOptions } from './update-interpreter.ts';
export { listInterpreters, type ListInterpretersOptions } from './list-interpreters.ts';
export { bookAppointment, type BookAppointmentOptions } from './book-appointment.ts';
export { rescheduleAppointment, type RescheduleAppointmentOptions } from './reschedule-appointment.ts';
export { recordNoShow, type RecordNoShowOptions } from './record-no-show.ts';
export { postponeAppointment, type PostponeAppointmentOptions } from './postpone-appointment.ts';
export { listClaimAppointments, type ListClaimAppointmentsOptions } from './list-claim-appointments.ts';
export { getBookingOptions, type GetBookingOptionsOptions } from './get-booking-options.ts';
export { listAgenda, type ListAgendaOptions } from './list-agenda.ts';
export { listMyBookings } from './list-my-bookings.ts';
export { appointmentNotice, type AppointmentNoticeOptions } from './appointment-notice.ts';
export { appointmentCalendar, type AppointmentCalendarOptions } from './appointment-calendar.ts';
export { recordSignature, type RecordSignatureOptions } from './record-signature.ts';
export { getSignatureStatus, type GetSignatureStatusOptions } from './get-signature-status.ts';
export { listAbandonmentQueue } from './list-abandonment-queue.ts';
export { confirmAbandonment, type ConfirmAbandonmentOptions } from './confirm-abandonment.ts';
export { dismissAbandonment, type DismissAbandonmentOptions } from './dismiss-abandonment.ts';
export { getSchedulingSettings, type GetSchedulingSettingsOptions } from './get-scheduling-settings.ts';
export { updateSchedulingSettings, type UpdateSchedulingSettingsOptions } from './update-scheduling-settings.ts';

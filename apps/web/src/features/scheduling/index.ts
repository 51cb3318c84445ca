export { AbandonmentQueuePage } from './components/AbandonmentQueuePage.tsx';
export { AgendaPage } from './components/AgendaPage.tsx';
export { ClaimAppointmentsPage } from './components/ClaimAppointmentsPage.tsx';
export { InterpretersPage } from './components/InterpretersPage.tsx';
export { MyBookingsPage } from './components/MyBookingsPage.tsx';

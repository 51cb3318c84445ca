export { AuditPage } from './components/AuditPage.tsx';
export { SecurityAlerts } from './components/SecurityAlerts.tsx';

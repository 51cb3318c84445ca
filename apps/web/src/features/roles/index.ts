export { useRoles } from './api/roles.ts';
export { RolesPage } from './components/RolesPage.tsx';

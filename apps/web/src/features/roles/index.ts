export { useRoles } from './api/roles.ts';
export { roleLabel } from './role-label.ts';
export { RolesPage } from './components/RolesPage.tsx';

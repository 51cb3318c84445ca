export { useInstitutions, useOffices } from './api/organisations.ts';
export { OrganisationsPage } from './components/OrganisationsPage.tsx';

export { UsersPage } from './components/UsersPage.tsx';
export { UserFormPage } from './components/UserFormPage.tsx';

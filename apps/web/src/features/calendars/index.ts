export { CalendarsPage } from './components/CalendarsPage.tsx';

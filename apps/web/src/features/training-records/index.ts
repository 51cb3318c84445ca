export { MyCertificatesPage } from './components/MyCertificatesPage.tsx';
export { SessionRecordsPage } from './components/SessionRecordsPage.tsx';
export { VerifyCertificatePage } from './components/VerifyCertificatePage.tsx';

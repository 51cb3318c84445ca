// Public surface of the training-sessions feature: its pages, and enrolling people in a session
// (the needs assessment's plan enrols from it).
export { enrolStaff, useTrainingSessions } from './api/training-sessions.ts';
export { EnrolResultStatus } from './components/EnrolResultStatus.tsx';
export { MyTrainingPage } from './components/MyTrainingPage.tsx';
export { SessionPage } from './components/SessionPage.tsx';
export { SessionsPage } from './components/SessionsPage.tsx';
export { UpcomingSessionsCard } from './components/UpcomingSessionsCard.tsx';

export { MyTrainingPage } from './components/MyTrainingPage.tsx';
export { SessionPage } from './components/SessionPage.tsx';
export { SessionsPage } from './components/SessionsPage.tsx';
export { TrainersPage } from './components/TrainersPage.tsx';

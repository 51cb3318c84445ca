// Public surface of the interviews feature (web): the claim page's card, the working screen, the interpreter's pages.
export { ClaimInterviewsCard } from './components/ClaimInterviewsCard.tsx';
export { InterviewPage } from './components/InterviewPage.tsx';
export { MyInterviewsPage } from './components/MyInterviewsPage.tsx';
export { MyInterviewPage } from './components/MyInterviewPage.tsx';

export { CampaignPage } from './components/CampaignPage.tsx';
export { CampaignsPage } from './components/CampaignsPage.tsx';
export { MyNeedsPage } from './components/MyNeedsPage.tsx';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
/* oxlint-disable import/no-unassigned-import -- stylesheets are imported for their effect */
import '@mantine/core/styles.css';
// Once for the whole app: the charts of the dashboards (ADR 049).
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
/* oxlint-enable import/no-unassigned-import */
import { AppRoutes } from './routes.tsx';
import { Providers } from './providers.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <AppRoutes />
    </Providers>
  </StrictMode>,
);

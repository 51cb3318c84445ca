import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
/* oxlint-disable import/no-unassigned-import -- stylesheets are imported for their effect */
import '@mantine/core/styles.css';
// Once for the whole app: the charts of the dashboards (ADR 049).
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './global.css';
/* oxlint-enable import/no-unassigned-import */
import { i18nReady } from '../lib/i18n.ts';
import { AppRoutes } from './routes.tsx';
import { Providers } from './providers.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The first paint waits for the one catalog it needs (a few dozen KB), not for all three languages.
void i18nReady.then(() => createRoot(root).render(
  <StrictMode>
    <Providers>
      <AppRoutes />
    </Providers>
  </StrictMode>,
));

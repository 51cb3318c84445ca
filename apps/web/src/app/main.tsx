import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
/* oxlint-disable import/no-unassigned-import -- stylesheets are imported for their effect */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
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

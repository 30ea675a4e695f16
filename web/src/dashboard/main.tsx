/** Entry of admin.html, the dashboard served at /admin/support. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/ui/base.css';
import './dashboard.css';
import { DashboardApp } from './DashboardApp';
import { unlockAudioOnFirstGesture } from './notify/notifications';
import { BASE, navigate, parseRoute } from './router';
import { createDashboardServices } from './services';
import { applyTheme, loadThemeChoice } from './theme';

// /admin and unknown paths under it land on the chat list.
if (!window.location.pathname.startsWith(BASE)) navigate(parseRoute(BASE), true);
unlockAudioOnFirstGesture();
applyTheme(loadThemeChoice());

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <DashboardApp services={createDashboardServices()} />
    </StrictMode>,
  );
}

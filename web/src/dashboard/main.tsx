/** Entry of admin.html, the dashboard served at /admin/support. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/ui/base.css';
import './dashboard.css';
import { DashboardApp } from './DashboardApp';
import { startLanguage, useLocale } from './language';
import { unlockAudioOnFirstGesture } from './notify/notifications';
import { BASE, navigate, parseRoute } from './router';
import { createDashboardServices, type DashboardServices } from './services';
import { applyTheme, loadThemeChoice } from './theme';

// /admin and unknown paths under it land on the chat list.
if (!window.location.pathname.startsWith(BASE)) navigate(parseRoute(BASE), true);
unlockAudioOnFirstGesture();
applyTheme(loadThemeChoice());

/** A new language renders every sentence again, memoised ones too (the key remounts the app). */
function Root({ services }: { services: DashboardServices }) {
  const locale = useLocale();
  return <DashboardApp key={locale} services={services} />;
}

const container = document.getElementById('root');
const services = createDashboardServices();
void startLanguage(services.storage).then(() => {
  if (container) {
    createRoot(container).render(
      <StrictMode>
        <Root services={services} />
      </StrictMode>,
    );
  }
});

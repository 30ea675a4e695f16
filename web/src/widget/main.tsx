/** Entry of widget.html, the chat panel app that the loader puts in an iframe. */
import { createRoot } from 'react-dom/client';
import '../shared/ui/base.css';
import './widget.css';
import { activate, browserLanguages, pickLocale, t } from '../shared/i18n/i18n';
import { commonEn, loadCommon } from '../shared/i18n/load';
import { unlockAudioOnFirstGesture } from '../shared/ui/tone';
import { createWidgetServices } from './services';
import { WidgetApp } from './WidgetApp';

// A reply's tone may only play after the person touched the widget (browsers' autoplay rule).
unlockAudioOnFirstGesture();
// The host page's data-locale (passed by the loader in ?locale=), else the browser's languages.
const requested = new URLSearchParams(window.location.search).get('locale');
const container = document.getElementById('root');
const candidates = [requested, ...browserLanguages()];
void activate(pickLocale(...candidates), commonEn, loadCommon, candidates).then(() => {
  document.title = t('widget.panelLabel');
  if (container) createRoot(container).render(<WidgetApp services={createWidgetServices()} />);
});

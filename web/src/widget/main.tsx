/** Entry of widget.html, the chat panel app that the loader puts in an iframe. */
import { createRoot } from 'react-dom/client';
import '../shared/ui/base.css';
import './widget.css';
import { activate, browserLanguages, pickLocale, t } from '../shared/i18n/i18n';
import { commonEn, loadCommon } from '../shared/i18n/load';
import { unlockAudioOnFirstGesture } from '../shared/ui/tone';
import { applyAppearance, optionsOfThisFrame } from './appearance';
import { createWidgetServices } from './services';
import { WidgetApp } from './WidgetApp';

// A reply's tone may only play after the person touched the widget (browsers' autoplay rule).
unlockAudioOnFirstGesture();
const container = document.getElementById('root');
// The host page's data-theme, data-color and data-locale (the loader puts them in the address);
// without a language of ours there, the browser's languages decide.
const options = optionsOfThisFrame();
const candidates = [options.locale, ...browserLanguages()];
void activate(pickLocale(...candidates), commonEn, loadCommon, candidates).then(() => {
  document.title = t('widget.panelLabel');
  if (!container) return;
  applyAppearance(container, options);
  createRoot(container).render(<WidgetApp services={createWidgetServices()} />);
});

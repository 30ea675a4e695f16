/** Entry of widget.html, the chat panel app that the loader puts in an iframe. */
import { createRoot } from 'react-dom/client';
import '../shared/ui/base.css';
import './widget.css';
import { unlockAudioOnFirstGesture } from '../shared/ui/tone';
import { appearanceOfThisFrame, applyAppearance } from './appearance';
import { createWidgetServices } from './services';
import { WidgetApp } from './WidgetApp';

// A reply's tone may only play after the person touched the widget (browsers' autoplay rule).
unlockAudioOnFirstGesture();
const container = document.getElementById('root');
if (container) {
  applyAppearance(container, appearanceOfThisFrame());
  createRoot(container).render(<WidgetApp services={createWidgetServices()} />);
}

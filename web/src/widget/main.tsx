/** Entry of widget.html, the chat panel app that the loader puts in an iframe. */
import { createRoot } from 'react-dom/client';
import '../shared/ui/base.css';
import './widget.css';
import { createWidgetServices } from './services';
import { WidgetApp } from './WidgetApp';

const container = document.getElementById('root');
if (container) createRoot(container).render(<WidgetApp services={createWidgetServices()} />);

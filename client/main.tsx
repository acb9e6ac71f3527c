import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { navigatorLang, storedLang } from './language';
import { showLanguage } from './messages';
import { matchRoute } from './router';
import { preloadRoute } from './routes';
import './styles.css';

// The words of the language the page opens in, asked for at once, beside React's first render.
showLanguage(storedLang() ?? navigatorLang()).catch(() => undefined); // IntlRoot asks again and waits for it
preloadRoute(matchRoute(window.location.pathname));

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

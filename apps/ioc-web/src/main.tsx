// Be Vietnam Pro is bundled so no font is fetched from the network: walls often run on isolated
// networks. The Latin and Vietnamese subsets cover every letter of both UI languages; the
// latin-ext faces also claim ă, đ, ơ, ư, so with them a Vietnamese page downloaded a third file
// per weight it never needed.
import '@fontsource/be-vietnam-pro/latin-400.css';
import '@fontsource/be-vietnam-pro/vietnamese-400.css';
import '@fontsource/be-vietnam-pro/latin-600.css';
import '@fontsource/be-vietnam-pro/vietnamese-600.css';
import '@fontsource/be-vietnam-pro/latin-700.css';
import '@fontsource/be-vietnam-pro/vietnamese-700.css';
import './shared/ui/global.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadTabletPage } from './app/App';
import { loadTabletPwa } from './features/tablet';
import { ErrorBoundary } from './shared/ui/ErrorBoundary';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render as a transition: React renders it in slices of a few milliseconds and
// yields between them, so a slow phone stays responsive while the page builds (Lighthouse's
// total blocking time) instead of one long task.
const render = () => {
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    );
  });
};
// /tablet renders once its page's code is in: evaluating that code (zod and the contracts'
// schemas among it) is one long task, which on a slow phone then comes before the first paint
// instead of blocking the page after it (Lighthouse's total blocking time), and the page
// appears at once instead of after a loading message it replaces (largest contentful paint).
if (window.location.pathname.startsWith('/tablet')) {
  // Should loading fail, the page renders anyway and its lazy load tries again (or shows why).
  void preloadTabletPage().then(render, render);
} else {
  render();
}

// The tablet is an installable PWA with an offline app shell. Only /tablet registers the
// service worker (scope /tablet), so walls and admin screens never run one.
if (window.location.pathname.startsWith('/tablet')) {
  void loadTabletPwa().then((m) => m.registerTabletServiceWorker());
}

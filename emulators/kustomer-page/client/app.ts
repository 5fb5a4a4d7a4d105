// Entry of the page's script (bundled by esbuild into an IIFE: it defines no globals).
import { startStatusBar } from './status-bar.js';
import { render, startNavigation } from './views.js';

function start(): void {
  startNavigation();
  void render();
  startStatusBar().catch((e: unknown) => {
    const error = document.querySelector<HTMLElement>('[data-testid="user-status-error"]');
    if (error) {
      error.textContent = `Statuses could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      error.hidden = false;
    }
  });
}

// The layering test imports every emulator module under plain Node: run only in a page.
if (typeof document !== 'undefined') start();

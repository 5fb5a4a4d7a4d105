// OS tel:/callto: links (KUS-1's desktop twin): AgentDesk registers as their handler; a link
// arrives as `open-url` (macOS), in the argv of a second launch (Windows/Linux; the single-instance
// lock forwards it) or of the first launch. Each becomes a dial request in the core.
import path from 'node:path';
import { app } from 'electron';
import type { Log } from '../app/ports.js';
import { linkFromArgv } from '../app/tel-links.js';

export const LINK_SCHEMES = ['tel', 'callto'] as const;

export function registerLinkHandlers(openLink: (url: string) => void, log: Log): void {
  for (const scheme of LINK_SCHEMES) {
    // In development Electron runs our entry as an argument: register that command line.
    const ok = app.isPackaged ? app.setAsDefaultProtocolClient(scheme) : app.setAsDefaultProtocolClient(scheme, process.execPath, [path.resolve(process.argv[1] ?? '.')]);
    if (!ok) log.warn('links.not_default_handler', { scheme });
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  const first = linkFromArgv(process.argv);
  if (first) openLink(first);
}

export { linkFromArgv };

// Builds what the desktop specs serve: the page bridges (dist/preload, the Kustomer proxy injects
// kustomer-injected.js) and the real renderer, built into a private directory by the renderer
// specs' own setup (AGENTDESK_RENDERER_DIST), so another build of dist/renderer cannot change the
// files under a running spec.
import { buildPreloads } from '../../../../scripts/build.js';
import buildRendererPrivately from '../../renderer/support/build.js';

export default async function globalSetup(): Promise<() => void> {
  await buildPreloads();
  return buildRendererPrivately();
}

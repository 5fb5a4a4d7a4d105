// Debian's Chromium as Playwright launches it on these machines (no browser download; flags per
// RECIPES.md): one place for the executable and the flags every suite and benchmark shares.
import type { LaunchOptions } from '@playwright/test';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const quiet = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Fake microphone and camera, no permission prompt, audio that plays without a gesture. */
const fakeMedia = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];

export function debianChromium({ media = true }: { media?: boolean } = {}): LaunchOptions {
  return { executablePath: chromiumPath, args: media ? [...quiet, ...fakeMedia] : quiet };
}

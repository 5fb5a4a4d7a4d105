// Drive a running simulator from a shell (demos): `npx tsx emulators/contact-center/cli.ts
// inbound ivr "+82 10-1234-5678" --queue q-billing`. Prints the JSON reply; exit 1 on errors.
import { parseCli, type ControlRequest } from './cli-parse.js';

async function send(req: ControlRequest): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${req.url}/control/${req.path}`, {
    method: req.method,
    headers: req.body ? { 'content-type': 'application/json' } : {},
    body: req.body ? JSON.stringify(req.body) : null,
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: text };
  }
}

async function main(): Promise<number> {
  let req: ControlRequest;
  try {
    req = parseCli(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  try {
    const { status, body } = await send(req);
    const out = JSON.stringify(body, null, 2);
    if (status >= 400) {
      process.stderr.write(`${status} ${out}\n`);
      return 1;
    }
    process.stdout.write(`${out}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`cannot reach the simulator at ${req.url}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

process.exitCode = await main();

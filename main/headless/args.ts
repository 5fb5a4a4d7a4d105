// Command-line arguments of `npm run engine -- --config <file.json>`.
export type Args = { ok: true; config: string } | { ok: false; error: string; help?: boolean };

export const USAGE = 'usage: npm run engine -- --config <file.json>';

export function parseArgs(argv: string[]): Args {
  let config: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { ok: false, error: USAGE, help: true };
    if (a === '--config') config = argv[++i] ?? null;
    else if (a?.startsWith('--config=')) config = a.slice('--config='.length);
    else return { ok: false, error: `unknown argument "${a}"\n${USAGE}` };
  }
  return config ? { ok: true, config } : { ok: false, error: `missing --config\n${USAGE}` };
}

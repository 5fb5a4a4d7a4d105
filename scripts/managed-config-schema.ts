// Writes docs/managed-config.schema.json, the JSON Schema of IT's managed configuration file,
// generated from the zod schema the app itself validates with (main/app/managed-config.ts).
// Usage: npx tsx scripts/managed-config-schema.ts [--check]   (--check: fail if the file is stale)
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { managedConfigSchema } from '../main/app/managed-config.js';
import { settingsSchema } from '../common/protocol/index.js';

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../docs/managed-config.schema.json');

export function managedConfigJsonSchema(): string {
  const schema = z.toJSONSchema(managedConfigSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown> } & Record<string, unknown>;
  // `settings` is checked path by path in code; spell out its shape here (every key optional).
  const settings = z.toJSONSchema(settingsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete settings.$schema;
  schema.properties.settings = { ...settings, description: 'Settings that override the contact center\'s on this machine (and are locked). Any subset; maps such as statusSync.mapping are given whole.' };
  const out = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://agentdesk.example/schemas/managed-config.schema.json',
    title: 'AgentDesk managed configuration',
    description: 'Deployed per machine by IT (docs/it-deployment.md). Settings given here override the contact center\'s on this machine and are locked; `locked` locks more paths; `app` presets connections and updates.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const text = managedConfigJsonSchema();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(`${SCHEMA_FILE} is stale: run npx tsx scripts/managed-config-schema.ts`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  }
}

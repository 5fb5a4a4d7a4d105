// Must be imported before anything that builds zod schemas (common/protocol): zod's JIT probes
// `new Function`, which the renderer's CSP (no eval) forbids and reports. Jitless zod never does.
import { z } from 'zod';

z.config({ jitless: true });

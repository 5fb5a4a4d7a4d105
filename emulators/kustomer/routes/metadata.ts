// Custom attribute metadata: GET/PUT /v1/metadata/{resource}. PUT merges the given properties
// into the resource's metadata (others are kept); displayName defaults to the title-cased name
// and the type comes from the suffix. Id attributes must be declared here before use.
import { badParam } from '../errors.js';
import { ok, parseBody, principal, type Deps, type KCtx, type KRouter } from '../context.js';
import { defaultDisplayName, METADATA_TYPES, suffixOf } from '../custom-attributes.js';
import { metadataBody } from '../schemas/other.js';
import { metadataResource } from '../serialize-misc.js';
import type { MetadataProp } from '../store.js';

const RESOURCE = /^(company|conversation|customer|message|kobject\.[A-Za-z0-9_-]+)$/;

export function registerMetadata(router: KRouter, deps: Deps): void {
  const { store } = deps;
  const resourceOf = (ctx: KCtx) => {
    const r = ctx.params.resource ?? '';
    if (!RESOURCE.test(r)) throw badParam(`resource must be company, conversation, customer, message or kobject.<name>, got "${r}"`, 'resource');
    return r;
  };

  router.get('/v1/metadata/{resource}', (ctx: KCtx) => ok({ data: metadataResource(store, resourceOf(ctx)) }));

  router.put('/v1/metadata/{resource}', (ctx: KCtx) => {
    const p = principal(ctx);
    const resource = resourceOf(ctx);
    const b = parseBody(metadataBody, ctx.body);
    const props = store.metadata.get(resource) ?? new Map<string, MetadataProp>();
    const now = store.now();
    for (const [name, options] of Object.entries(b.properties ?? {})) {
      const suffix = suffixOf(name);
      if (!suffix) continue; // unreachable: the schema checks the name
      const { displayName, ...rest } = options;
      const previous = props.get(name);
      props.set(name, {
        type: METADATA_TYPES[suffix],
        displayName: displayName ?? previous?.displayName ?? defaultDisplayName(name),
        options: { ...(previous?.options ?? {}), ...rest },
        modifiedBy: p.user.id,
        modifiedAt: now,
      });
    }
    store.metadata.set(resource, props);
    return ok({ data: metadataResource(store, resource) });
  });
}

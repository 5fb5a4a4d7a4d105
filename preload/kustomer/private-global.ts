// The bundles map `globalThis` to this object (scripts/build-kustomer-preloads.ts): zod keeps its
// config and registry on `globalThis`, which in the browser host is the page's own window. With
// this, the bridge adds no property to any window.
export const bridgePrivateGlobal: Record<string, unknown> = {};

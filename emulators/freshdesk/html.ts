// Freshdesk keeps HTML (`description`, `body`) and a plain-text copy (`description_text`,
// `body_text`). The text copy here: line breaks for <br> and block ends, tags dropped, the
// common entities decoded, blank lines collapsed. Plain text given as HTML is wrapped in <div>.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&nbsp;': ' ' };

export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li|h[1-6]|tr|blockquote|pre)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (m) => ENTITIES[m] ?? m)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Freshdesk wraps a description or body that is not HTML in a <div>. */
export function asHtml(value: string): string {
  return /<[a-z][\s\S]*>/i.test(value) ? value : `<div>${value}</div>`;
}

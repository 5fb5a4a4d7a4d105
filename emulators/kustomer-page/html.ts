// The page's HTML: the sign-in form and the app shell (the app script renders the views). No
// inline script or style anywhere: the CSP allows scripts and styles from the page's origin only.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const head = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/assets/kustomer-page.css">
</head>`;

export function loginHtml(opts: { next: string; email?: string; error?: string }): string {
  const error = opts.error ? `<p class="error" role="alert" data-testid="login-error">${escapeHtml(opts.error)}</p>` : '';
  return `${head('Sign in - Kustomer')}
<body class="login">
<main>
<h1>Sign in to Kustomer</h1>
${error}
<form method="post" action="/login" data-testid="login-form">
<input type="hidden" name="next" value="${escapeHtml(opts.next)}">
<label for="email">Work e-mail</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(opts.email ?? '')}" data-testid="login-email">
<button type="submit" data-testid="login-submit">Sign in</button>
</form>
</main>
</body>
</html>`;
}

export function appHtml(user: { id: string; email: string; name: string }, orgName: string): string {
  return `${head('Kustomer')}
<body class="app">
<header class="top">
<span class="org">${escapeHtml(orgName)}</span>
<nav><a href="/app" data-nav>Inbox</a></nav>
<span class="user" data-testid="current-user" data-user-id="${escapeHtml(user.id)}" data-user-email="${escapeHtml(user.email)}">${escapeHtml(user.name)} &lt;${escapeHtml(user.email)}&gt;</span>
<form method="post" action="/logout"><button type="submit" data-testid="logout">Sign out</button></form>
</header>
<p class="warning" role="status" data-testid="instances-warning" hidden></p>
<main id="view" data-testid="view" aria-live="polite">Loading...</main>
<aside id="side-panel" data-testid="side-panel" aria-label="Customer"></aside>
<footer class="user-status" data-testid="user-status" data-instances="0">
<label for="user-status-select">Status</label>
<select id="user-status-select" data-testid="user-status-select" disabled></select>
<span class="error" role="alert" data-testid="user-status-error" hidden></span>
</footer>
<script src="/assets/kustomer-page.js" defer></script>
</body>
</html>`;
}

/**
 * The shell of Kindred's server-rendered pages (/agreement, /help): plain HTML that
 * works without JavaScript, styled by /style.css, with nothing inline so the
 * Content-Security-Policy (security.ts) holds. Every value put in is escaped here.
 */

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** Links may go to the web or to a phone; anything else (javascript:, data:) is shown as text. */
export function isSafeHref(href: string): boolean {
  return /^(https?:|mailto:|tel:)/i.test(href) || /^\/(?!\/)/.test(href) || href.startsWith("#");
}

/** A whole page: `title` is text (escaped), `body` is HTML built from escaped parts. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} — Kindred</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/style.css">
</head>
<body>
  <header class="site"><a href="/">Kindred</a></header>
  <main>
${body}
  </main>
</body>
</html>
`;
}

/**
 * Pages for people, rendered on the server and complete without JavaScript:
 * the community agreement and the help lines. Both are public, like the API
 * texts they mirror (protocol.md "Authentication" lists them as sessionless).
 */
import type { FastifyInstance } from "fastify";
import { renderHelpPage } from "../pages/help.js";
import { escapeHtml, page } from "../pages/html.js";
import { renderMarkdown } from "../pages/markdown.js";
import type { Services } from "../services.js";

export function registerPageRoutes(app: FastifyInstance, s: Services): void {
  // Both texts are read once at start, so each page is rendered once.
  const agreement = page(
    "Community agreement",
    `    <article class="agreement">
${renderMarkdown(s.agreement.text)}
    </article>
    <p class="version">Version ${escapeHtml(s.agreement.version)}. <a href="/help">Help lines</a> · <a href="/">Back to Kindred</a></p>`,
  );
  const help = renderHelpPage(s.resources);

  /** GET /agreement → the community agreement (content/agreement.md) as HTML. */
  app.get("/agreement", async (_request, reply) => reply.type("text/html; charset=utf-8").send(agreement));

  /** GET /help → the instance's crisis lines and warmlines, grouped by region, as HTML. */
  app.get("/help", async (_request, reply) => reply.type("text/html; charset=utf-8").send(help));
}

/**
 * Pages for people, rendered on the server and complete without JavaScript:
 * the community agreement and the help lines. Both are public, like the API
 * texts they mirror (protocol.md "Authentication" lists them as sessionless),
 * and "Get help now" works before, or without, the web client loading.
 */
import { communityRoutes as r } from "../../protocol/rest/community.js";
import { renderHelpPage } from "../pages/help.js";
import { escapeHtml, page } from "../pages/html.js";
import { renderMarkdown } from "../pages/markdown.js";
import { type App, routeOptions } from "../route.js";
import type { Services } from "../services.js";

export function pageRoutes(app: App, s: Services): void {
  // The agreement is read once at start, so its page is rendered once.
  const agreement = page(
    "Community agreement",
    `    <article class="agreement">
${renderMarkdown(s.agreement.text)}
    </article>
    <p class="version">Version ${escapeHtml(s.agreement.version)}. <a href="/help">Help lines</a> · <a href="/">Back to Kindred</a></p>`,
  );

  /** GET /agreement → the community agreement (content/agreement.md) as HTML. */
  app.route({ ...routeOptions(r.agreementPage), handler: async (_request, reply) => reply.type("text/html; charset=utf-8").send(agreement) });

  /** GET /help → the instance's crisis lines and warmlines (as administrators last set them), grouped by region. */
  app.route({
    ...routeOptions(r.helpPage),
    handler: async (_request, reply) => reply.type("text/html; charset=utf-8").send(renderHelpPage(await s.resources.reload())),
  });
}

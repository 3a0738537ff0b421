/**
 * The help page: the crisis lines and warmlines this instance lists
 * (content/resources.json, the same list as GET /api/v1/resources), grouped by
 * region, "everywhere" first. Reachable without an account or JavaScript, because
 * someone who needs it may have neither at hand.
 */
import type { Resource } from "../../domain/safety/resources.js";
import { escapeHtml, isSafeHref, page } from "./html.js";

const kindLabels: Record<Resource["kind"], string> = {
  "crisis-line": "Crisis line",
  warmline: "Warmline",
  directory: "Directory of lines",
  "peer-support": "Peer support",
};

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function regionName(region: string): string {
  if (region === "*") return "Anywhere";
  try {
    return regionNames.of(region) ?? region;
  } catch {
    return region;
  }
}

/** A contact that is a web address becomes a link; a phone number or other words stay text. */
function contact(value: string): string {
  return /^https?:\/\//i.test(value) && isSafeHref(value) ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>` : escapeHtml(value);
}

function item(r: Resource): string {
  return `      <li>
        <h3>${escapeHtml(r.name)}</h3>
        <p class="contact">${contact(r.contact)} <span class="kind">· ${kindLabels[r.kind]}</span></p>
        ${r.note ? `<p>${escapeHtml(r.note)}</p>` : ""}
      </li>`;
}

export function renderHelpPage(resources: Resource[]): string {
  const regions = [...new Set(resources.map((r) => r.region))].sort((a, b) =>
    a === "*" ? -1 : b === "*" ? 1 : regionName(a).localeCompare(regionName(b), "en"),
  );
  const sections = regions.map(
    (region) => `    <section aria-labelledby="region-${escapeHtml(region === "*" ? "any" : region)}">
      <h2 id="region-${escapeHtml(region === "*" ? "any" : region)}">${escapeHtml(regionName(region))}</h2>
      <ul class="resources">
${resources
  .filter((r) => r.region === region)
  .map(item)
  .join("\n")}
      </ul>
    </section>`,
  );
  return page(
    "Help lines",
    `    <h1>Help lines</h1>
    <p class="lead">If things feel like too much right now, you don't have to carry it alone.</p>
    <p>These crisis lines and warmlines are run by other organizations. You don't need a Kindred
      account to use them, and you decide whether and when to reach out. Kindred never contacts
      anyone about you and doesn't know whether you use them.</p>
    <p>A warmline is someone with lived experience to talk to when you are not in crisis. A crisis
      line is there at any hour when things are hard. If you are under 18, youth services and young
      people's helplines are there for you too; the directories below list them.</p>
${sections.join("\n")}
    <p><a href="/">Back to Kindred</a></p>`,
  );
}

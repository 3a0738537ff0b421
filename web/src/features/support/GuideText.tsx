/** Renders the guide's safe Markdown subset (guide-markdown.ts) as React elements: never as HTML. */
import { Link } from "wouter";
import { type Block, type Inline, parseGuide } from "./guide-markdown";

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((inline, index) => {
        if (inline.kind === "strong") return <strong key={index}>{inline.text}</strong>;
        if (inline.kind === "em") return <em key={index}>{inline.text}</em>;
        if (inline.kind === "link") {
          return inline.href.startsWith("/") ? (
            <Link key={index} href={inline.href}>
              {inline.text}
            </Link>
          ) : (
            <a key={index} href={inline.href} rel="noreferrer noopener" target="_blank">
              {inline.text}
            </a>
          );
        }
        return <span key={index}>{inline.text}</span>;
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  if (block.kind === "heading") {
    // The page's own heading is the h1, so the guide's headings sit one level below it.
    return block.level === 3 ? (
      <h3>
        <Inlines inlines={block.inlines} />
      </h3>
    ) : (
      <h2>
        <Inlines inlines={block.inlines} />
      </h2>
    );
  }
  if (block.kind === "list") {
    return (
      <ul className="guide-list">
        {block.items.map((item, index) => (
          <li key={index}>
            <Inlines inlines={item} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <p>
      <Inlines inlines={block.inlines} />
    </p>
  );
}

/** The guide's text; its own top heading is left out, as the page already says it. */
export function GuideText({ markdown }: { markdown: string }) {
  const blocks = parseGuide(markdown);
  const body = blocks[0]?.kind === "heading" && blocks[0].level === 1 ? blocks.slice(1) : blocks;
  return (
    <div className="guide">
      {body.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </div>
  );
}

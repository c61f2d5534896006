/**
 * Someone's Markdown (a comment), rendered safely: no raw HTML (react-markdown shows it as the
 * text it is, and rehype-raw is deliberately not used), links that leave the app in a new tab
 * without passing it rank (rel="nofollow noopener"), and images never loaded, since loading
 * one would tell its host who reads the thread: an image is a link to it, named by its alt text.
 * Unsafe URLs (javascript: and the like) are emptied by react-markdown's default transform.
 * A `@name` the service resolved to a member links to the member's page, within the app.
 */
import { mentionsIn } from "@rhizome/client/schemas";
import { useMemo, type ReactNode } from "react";
import ReactMarkdown, { type Components, type Options } from "react-markdown";
import { Link } from "../app/router";

const REL = "nofollow noopener";

/** A link out of the app; only `href` and the text are kept from what the Markdown asked for. */
function ExternalLink({ href, children }: { href?: string | undefined; children?: ReactNode }) {
  if (!href) return <>{children}</>;
  return (
    <a href={href} rel={REL} target="_blank">
      {children}
    </a>
  );
}

/** What the Markdown's syntax tree holds, as far as mentions need it. */
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  data?: { hProperties?: Record<string, string> };
}

/**
 * A remark plugin: each `@name` in the text (not in code, not inside a link) that `hrefs` knows,
 * by its lower-case name, becomes a link marked as a mention.
 */
function linkMentions(hrefs: ReadonlyMap<string, string>) {
  const split = (text: string): MdNode[] => {
    const out: MdNode[] = [];
    let at = 0;
    for (const mention of mentionsIn(text)) {
      const url = hrefs.get(mention.name.toLowerCase());
      if (!url) continue;
      if (mention.start > at) out.push({ type: "text", value: text.slice(at, mention.start) });
      out.push({
        type: "link",
        url,
        children: [{ type: "text", value: text.slice(mention.start, mention.end) }],
        data: { hProperties: { className: "mention" } },
      });
      at = mention.end;
    }
    if (at === 0) return [{ type: "text", value: text }];
    if (at < text.length) out.push({ type: "text", value: text.slice(at) });
    return out;
  };
  const visit = (node: MdNode) => {
    if (!node.children || node.type === "link" || node.type === "linkReference") return;
    node.children = node.children.flatMap((child) => {
      if (child.type === "text") return split(child.value ?? "");
      visit(child);
      return [child];
    });
  };
  return () => visit;
}

const components: Components = {
  a: ({ href, children, className }) =>
    className === "mention" && href ? (
      <Link to={href} className="mention">
        {children}
      </Link>
    ) : (
      <ExternalLink href={href}>{children}</ExternalLink>
    ),
  img: ({ src, alt }) => (
    <ExternalLink href={typeof src === "string" ? src : undefined}>{`Image: ${alt || src || "untitled"}`}</ExternalLink>
  ),
  // A comment's headings sit under the page's own: keep them from outranking it.
  h1: ({ children }) => <p className="strong">{children}</p>,
  h2: ({ children }) => <p className="strong">{children}</p>,
};

interface MarkdownProps {
  children: string;
  /** The members the text mentions: where each `@name` links, by lower-case name. */
  mentions?: ReadonlyMap<string, string> | undefined;
}

export function Markdown({ children, mentions }: MarkdownProps) {
  const plugins = useMemo<Options["remarkPlugins"]>(
    () => (mentions && mentions.size > 0 ? [linkMentions(mentions)] : []),
    [mentions],
  );
  return (
    <div className="markdown">
      <ReactMarkdown components={components} remarkPlugins={plugins}>
        {children}
      </ReactMarkdown>
    </div>
  );
}

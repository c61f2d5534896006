/**
 * Someone's Markdown (a comment), rendered safely: no raw HTML (react-markdown shows it as the
 * text it is, and rehype-raw is deliberately not used), links that leave the app in a new tab
 * without passing it rank (rel="nofollow noopener"), and images never loaded, since loading
 * one would tell its host who reads the thread: an image is a link to it, named by its alt text.
 * Unsafe URLs (javascript: and the like) are emptied by react-markdown's default transform.
 */
import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";

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

const components: Components = {
  a: ({ href, children }) => <ExternalLink href={href}>{children}</ExternalLink>,
  img: ({ src, alt }) => (
    <ExternalLink href={typeof src === "string" ? src : undefined}>{`Image: ${alt || src || "untitled"}`}</ExternalLink>
  ),
  // A comment's headings sit under the page's own: keep them from outranking it.
  h1: ({ children }) => <p className="strong">{children}</p>,
  h2: ({ children }) => <p className="strong">{children}</p>,
};

export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown components={components}>{children}</ReactMarkdown>
    </div>
  );
}

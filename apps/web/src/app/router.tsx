/**
 * A small router on the History API: the current path as state, links that push it, and
 * matching of `/c/:address/proposals/:id`-style patterns. Enough for this app's dozen routes.
 */
import { startTransition, useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from "react";

const listeners = new Set<() => void>();

/**
 * Tells every listener that the location changed, as a transition: while the next page's code
 * loads, the current page stays on screen (and the link that was followed keeps the focus)
 * instead of flashing the loading fallback.
 */
function changed(): void {
  startTransition(() => {
    for (const listener of listeners) listener();
  });
}

export function navigate(to: string): void {
  window.history.pushState(null, "", to);
  changed();
  window.scrollTo?.(0, 0);
}

/** The current path and query, re-rendering on navigation and the back button. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const [location, setLocation] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => {
    const update = () => setLocation(window.location.pathname + window.location.search);
    const back = () => startTransition(update);
    listeners.add(update);
    window.addEventListener("popstate", back);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", back);
    };
  }, []);
  const [path = "/", query = ""] = location.split("?");
  return { path, search: new URLSearchParams(query) };
}

/** The named segments of `path` if it matches `pattern`, else null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = decodeURIComponent(have[i] as string);
    if (w.startsWith(":")) params[w.slice(1)] = h;
    else if (w !== h) return null;
  }
  return params;
}

/** An anchor that navigates in the app; modified clicks open a new tab as usual. */
export function Link({ to, ...props }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    props.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} {...props} onClick={onClick} />;
}

/**
 * What a change of page tells those who do not see it: the document's title names the page,
 * and when the link that was followed went away with the old page, the focus moves to the
 * content instead of falling back to the top of the document.
 */
import { useEffect, useRef } from "react";

/** Sets the document's title to `title · Rhizome`; null leaves it to a nested page. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = `${title} · Rhizome`;
  }, [title]);
}

/** A ref for the content's container, focused after a navigation that lost the focus. */
export function useFocusAfterNavigation<T extends HTMLElement>(path: string) {
  const container = useRef<T>(null);
  const shown = useRef(path);
  useEffect(() => {
    if (shown.current === path) return;
    shown.current = path;
    const active = document.activeElement;
    if (active === null || active === document.body) container.current?.focus({ preventScroll: true });
  }, [path]);
  return container;
}

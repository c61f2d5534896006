/**
 * A thread as the list pages show it: a comment count beside an item ("💬 3", read out as
 * "3 comments"), and the thread itself folded under a work item or an application, fetched only
 * once opened. The thread's code (with its Markdown renderer) loads then too, so a list that only
 * counts comments does not carry it.
 */
import type { ThreadKind } from "@rhizome/client/schemas";
import { lazy, Suspense, useState } from "react";

const Thread = lazy(() => import("./Thread").then((module) => ({ default: module.Thread })));

const comments = (count: number) => `${count} comment${count === 1 ? "" : "s"}`;

export function CommentCount({ count }: { count: number }) {
  return (
    <span className="comment-count" title={comments(count)}>
      <span aria-hidden="true">💬 {count}</span>
      <span className="visually-hidden">{comments(count)}</span>
    </span>
  );
}

/** The thread of an item in a list, behind a "Discussion (3 comments)" toggle. */
export function FoldedThread({
  address,
  kind,
  id,
  count,
}: {
  address: string;
  kind: ThreadKind;
  id: string;
  count: number;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="discussion" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Discussion ({comments(count)})</summary>
      {open && (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <Thread address={address} kind={kind} id={id} heading="h4" />
        </Suspense>
      )}
    </details>
  );
}

/**
 * "Show more" under a paged list: loads the next page after those shown, and says how many are
 * shown once the list is longer than one page.
 */
import type { ReactNode } from "react";

interface Paged {
  data?: { items: unknown[]; more: boolean; pages: number } | undefined;
  fetchNextPage: () => unknown;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
}

export function More({ query, what }: { query: Paged; what: string }): ReactNode {
  const data = query.data;
  if (!data || (!data.more && data.pages < 2)) return null;
  return (
    <div className="more">
      <p className="muted" role="status">
        Showing {data.items.length} {what}
        {data.more ? "; there are more." : "."}
      </p>
      {data.more && (
        <button type="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : `Show more ${what}`}
        </button>
      )}
      {query.isFetchNextPageError && (
        <p role="alert" className="error">
          Could not load more {what}; try again.
        </p>
      )}
    </div>
  );
}

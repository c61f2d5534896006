/** Loading, error and empty states shared by every page. */
import type { ReactNode } from "react";

/** What QueryState reads of a query: a plain or a paged (infinite) one. */
type Loadable<T> =
  | { isPending: true; isError: false; data: undefined; error: null }
  | { isPending: false; isError: true; error: Error }
  | { isPending: false; isError: false; data: T };

/** Renders `children(data)` once the query has data; a loading line or the error until then. */
export function QueryState<T>({ query, children }: { query: Loadable<T>; children: (data: T) => ReactNode }) {
  if (query.isPending)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (query.isError)
    return (
      <p role="alert" className="error">
        Could not load this: {query.error.message}
      </p>
    );
  return <>{children(query.data)}</>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

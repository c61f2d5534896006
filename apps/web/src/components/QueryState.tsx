/** Loading, error and empty states shared by every page. */
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** Renders `children(data)` once the query has data; a loading line or the error until then. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
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

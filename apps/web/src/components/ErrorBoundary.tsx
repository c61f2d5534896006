/**
 * Keeps one page's failure from blanking the app: a render error, or a page's code that can no
 * longer be fetched (the service was updated since this tab loaded), shows what happened and a
 * way on, and the next navigation tries again.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** Changes when the user navigates: a new page gets a fresh try. */
  resetKey: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("A page failed to render", error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section role="alert">
        <h1>This page could not be shown</h1>
        <p className="error">{this.state.error.message}</p>
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </p>
      </section>
    );
  }
}

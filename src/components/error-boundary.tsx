/**
 * Catches a render error in one part (a task, a whole exercise) and shows a readable message in its
 * place, so the rest keeps working and the host page never sees an exception from us.
 */
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode; onError?: (error: unknown) => void },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    if (this.props.onError) this.props.onError(error);
    else console.error('codeblanks:', error);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

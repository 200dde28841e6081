import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { PaneErrorBoundary } from './PaneErrorBoundary';

/** The page itself: no browser margin around a pane that is already narrow. */
const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
});

/** One theme for the whole pane, and the error boundary around everything below it. */
export function PaneRoot({ children }: { children: ReactNode }) {
  useGlobalStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="fr">
      <PaneErrorBoundary>{children}</PaneErrorBoundary>
    </FluentProvider>
  );
}

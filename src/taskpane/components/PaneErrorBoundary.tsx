import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A rendering defect must still leave a readable pane, never a blank one. */
export class PaneErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Le volet a rencontré une erreur</MessageBarTitle>
          Le classeur n’a pas été modifié par cette erreur. Rechargez le volet ; si elle revient, transmettez ce détail à votre support : {this.state.error.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>Recharger le volet</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

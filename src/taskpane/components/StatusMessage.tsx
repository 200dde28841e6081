import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { frenchSpacing } from '../pane-text';
import type { PaneMessage } from '../use-pane';

/** The last action's outcome, with the next step it offers (« Annuler cette écriture »…). */
export function StatusMessage({ message, onDismiss }: { message: PaneMessage; onDismiss(): void }) {
  return (
    <MessageBar intent={message.intent} layout="multiline" aria-live={message.intent === 'error' ? 'assertive' : 'polite'}>
      <MessageBarBody>
        <MessageBarTitle>{frenchSpacing(message.title)}</MessageBarTitle>
        {frenchSpacing(message.text)}
      </MessageBarBody>
      <MessageBarActions>
        {message.action && (
          <Button size="small" onClick={message.action.run}>
            {message.action.label}
          </Button>
        )}
        <Button size="small" appearance="transparent" onClick={onDismiss}>
          Fermer
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * The task pane in Excel: wait for office.js, bind the adapter to the real globals, render. Until
 * Office answers, and if it never does, the pane says so in French instead of staying blank.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { frenchErrorMessage } from '../adapters/office/office-errors';
import { whenOfficeReady } from '../adapters/office/office-ready';
import { createWorkbookActions } from '../adapters/office/workbook-actions';
import { Pane } from './components/Pane';
import { PaneRoot } from './components/PaneRoot';

const root = createRoot(document.getElementById('root')!);
root.render(
  <PaneRoot>
    <Spinner label="Connexion à Excel…" />
  </PaneRoot>,
);

whenOfficeReady().then(
  (globals) => root.render(<PaneRoot><Pane actions={createWorkbookActions(globals)} /></PaneRoot>),
  (e: unknown) =>
    root.render(
      <PaneRoot>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Le volet ne peut pas démarrer</MessageBarTitle>
            {e instanceof Error && e.name === 'WorkbookActionError' ? e.message : frenchErrorMessage(e)}
          </MessageBarBody>
        </MessageBar>
      </PaneRoot>,
    ),
);

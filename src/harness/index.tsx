/** The harness page's entry: the pane in a plain browser, over an in-memory workbook. */
import { createRoot } from 'react-dom/client';
import { PaneRoot } from '../taskpane/components/PaneRoot';
import { Harness } from './Harness';

createRoot(document.getElementById('root')!).render(
  <PaneRoot>
    <Harness />
  </PaneRoot>,
);

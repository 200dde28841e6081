/** Function file of the ribbon (manifest FunctionFile): the button only opens the pane. */
import { initialiseCommands } from '../adapters/office/office-ready';

void initialiseCommands();

/**
 * ExcelJS as every writer uses it (the readers never load it: see reader/). Importing it from here
 * installs, once, our corrections to its parsers and the setter that keeps its English warning on
 * long or case-duplicated sheet names off the user's terminal, in whichever thread writes.
 */
import ExcelJS from 'exceljs';
import { installExcelJsFixes } from './exceljs-fixes';
import { installQuietSheetNames } from './exceljs-sheet-names';

installExcelJsFixes();
installQuietSheetNames();

export default ExcelJS;

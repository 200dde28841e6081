/**
 * What `exceljs/lib/exceljs.browser.js` exports, minus its core-js 3 and regenerator polyfills
 * (which this project does not install and modern browsers do not need). Bundling ExcelJS from its
 * sources, rather than its prebuilt dist/exceljs.min.js, keeps the xlsx adapter's fixes to ExcelJS's
 * parsers (exceljs-fixes.ts) working in the harness: they patch these very modules.
 */
const ExcelJS = { Workbook: require('exceljs/lib/doc/workbook') };
Object.assign(ExcelJS, require('exceljs/lib/doc/enums'));
module.exports = ExcelJS;

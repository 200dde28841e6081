/**
 * `zlib.inflateRawSync` for the xlsx adapter's zip guard in the browser, on pako (already there for
 * JSZip). Node's maxOutputLength is honoured after the fact: in the harness the file is the user's
 * own, opened on their own machine, so a full inflate before the size check is acceptable.
 */
const pako = require('pako');
const { Buffer } = require('buffer');

function inflateRawSync(data, options) {
  const out = Buffer.from(pako.inflateRaw(data));
  if (options && options.maxOutputLength !== undefined && out.length > options.maxOutputLength) {
    const e = new RangeError('Cannot create a Buffer larger than maxOutputLength');
    e.code = 'ERR_BUFFER_TOO_LARGE';
    throw e;
  }
  return out;
}

module.exports = { inflateRawSync };

'use strict';
// Loads one of the CLI's bundles (dist/cli/*.bundle.js, made by scripts/bundle-cli.js) with the V8
// code cache written next to it at build time: Node 20 has no compile cache of its own, and
// compiling the tool's functions again on every run is a good part of a one-file check. V8 checks
// the cache against its version, its flags and the source; a cache it does not accept (another
// Node, other flags, a damaged file) is ignored and the bundle compiled as usual. With
// ANNEXES_WRITE_CODE_CACHE=1 (the build), the cache of a bundle is written once the run that
// loaded it has compiled what a check uses.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

/** The bundle's exports; `cacheRejected`: a cache was there and V8 refused it. */
function loadBundle(bundleFile) {
  const file = path.resolve(bundleFile);
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m.loaded = true;
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  const writeCache = () => {
    try {
      fs.writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // no cache: later runs compile as usual
    }
  };
  return {
    exports: m.exports,
    cacheRejected: cachedData !== undefined && script.cachedDataRejected === true,
    writeCache: process.env.ANNEXES_WRITE_CODE_CACHE === '1' ? writeCache : () => undefined,
  };
}

module.exports = { loadBundle };

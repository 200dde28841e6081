'use strict';
// Loads one of the CLI's bundles (dist/cli/*.bundle.js, made by scripts/bundle-cli.js) with the V8
// code cache written next to it at build time: Node 20 has no compile cache of its own, and
// compiling the tool's functions again on every run is a good part of a one-file check. A cache
// that this Node or V8 does not accept is ignored (the bundle is compiled as usual). With
// ANNEXES_WRITE_CODE_CACHE=1 (the build), the caches of the bundles a run loads are written once it
// has compiled what a check uses.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

/** `flags`: "opt" or "no-opt", the setting of V8's optimising compiler (V8 takes a cache only under the flags it was made with). */
function loadBundle(file, flags = 'opt') {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = `${file}.${flags}.cache`;
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
  script.runInThisContext().call(m.exports, m.exports, (id) => m.require(id), m, file, path.dirname(file));
  const writeCache = () => {
    try {
      fs.writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // no cache: later runs compile as usual
    }
  };
  return { exports: m.exports, writeCache: process.env.ANNEXES_WRITE_CODE_CACHE === '1' ? writeCache : () => undefined };
}

module.exports = { loadBundle };

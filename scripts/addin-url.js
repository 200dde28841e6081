/**
 * The one setting a deployment changes: where the add-in's pages are served. manifest.xml is
 * written for development (https://localhost:3000/); the production build rewrites every
 * occurrence from ADDIN_URL, so the manifest handed to the admin center never names localhost.
 */
const { URL } = require('url');

const DEV_URL = 'https://localhost:3000/';

/** ADDIN_URL from the environment, normalised to end with "/"; the dev URL when unset. */
function addinUrl(env = process.env) {
  const raw = (env.ADDIN_URL || '').trim();
  if (raw === '') return DEV_URL;
  if (!/^https:\/\/[^\s"<>]+$/.test(raw)) {
    throw new Error(`ADDIN_URL doit être une adresse https (reçu : ${raw})`);
  }
  return raw.endsWith('/') ? raw : `${raw}/`;
}

/** The manifest with every dev URL (and the bare dev origin of AppDomain) pointing to `url`. */
function rewriteManifest(xml, url) {
  const origin = new URL(url).origin;
  return xml.split(DEV_URL).join(url).split(DEV_URL.replace(/\/$/, '')).join(origin);
}

module.exports = { DEV_URL, addinUrl, rewriteManifest };

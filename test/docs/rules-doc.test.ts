/** docs/rules.md documents every rule of the catalogue, under its ID: a rule added without its section fails here. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { RULES } from '../../src/domain/rules/catalogue';

it('every rule of the catalogue has its section in docs/rules.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
  const sections = new Set([...doc.matchAll(/^### ([A-Z0-9-]+)\s*$/gm)].map((m) => m[1]));
  expect(RULES.map((r) => r.id).filter((id) => !sections.has(id))).toEqual([]);
});

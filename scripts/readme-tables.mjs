#!/usr/bin/env node
// Writes the README's tables of commands and settings from package.json (the one place VS Code
// reads them from), between marker comments, so the README cannot drift from what the extension
// contributes:
//
//   <!-- commands:begin (npm run readme-tables) -->  ...  <!-- commands:end -->
//   <!-- settings:begin (npm run readme-tables) -->  ...  <!-- settings:end -->
//
//   node scripts/readme-tables.mjs           rewrite README.md's tables
//   node scripts/readme-tables.mjs --check   exit 1, saying which table differs, if they are not up to date
//
// test/unit/readmeTables.test.ts runs the check in `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Text safe inside a markdown table cell: one line, pipes escaped, VS Code's setting links (`#marginalia.x#`) as plain names. */
function cell(text) {
  return String(text).replace(/\s*\n\s*/g, ' ').replace(/`#([\w.]+)#`/g, '`$1`').replace(/\|/g, '\\|');
}

function keysOf(keybinding) {
  const key = `\`${keybinding.key.replace(/\b[a-z]/g, c => c.toUpperCase())}\``;
  return keybinding.mac ? `${key} (macOS \`${keybinding.mac.replace(/\b[a-z]/g, c => c.toUpperCase())}\`)` : key;
}

/** The commands table: every command, the palette's first, with its keys and where else it shows. */
export function commandsTable(manifest) {
  const contributes = manifest.contributes ?? {};
  const hidden = new Set((contributes.menus?.commandPalette ?? []).filter(entry => entry.when === 'false').map(entry => entry.command));
  const keys = new Map();
  for (const binding of contributes.keybindings ?? []) keys.set(binding.command, [...(keys.get(binding.command) ?? []), keysOf(binding)]);
  const rows = (contributes.commands ?? [])
    .map(command => ({ command, hidden: hidden.has(command.command) }))
    .sort((a, b) => Number(a.hidden) - Number(b.hidden));
  return [
    '| command | id | keys | where |',
    '|---|---|---|---|',
    ...rows.map(({ command, hidden }) => `| ${cell(command.category ? `${command.category}: ${command.title}` : command.title)} | \`${command.command}\` | ${(keys.get(command.command) ?? []).join(', ')} | ${hidden ? 'a button or context menu of a view' : 'Command Palette'} |`),
  ].join('\n');
}

function defaultOf(setting) {
  if (setting.default === undefined) return '';
  const text = JSON.stringify(setting.default);
  return `\`${text.length > 60 ? text.slice(0, 57) + '...' : text}\``;
}

/** The settings table: every setting in package.json's order, its default and what it does. */
export function settingsTable(manifest) {
  const configuration = manifest.contributes?.configuration ?? [];
  const properties = (Array.isArray(configuration) ? configuration : [configuration]).flatMap(part => Object.entries(part.properties ?? {}));
  return [
    '| setting | default | what it does |',
    '|---|---|---|',
    ...properties.map(([name, setting]) => {
      const choices = setting.enum ? ` (${setting.enum.map(value => `\`${value}\``).join(', ')})` : '';
      return `| \`${name}\` | ${defaultOf(setting)} | ${cell((setting.markdownDescription ?? setting.description ?? '') + choices)} |`;
    }),
  ].join('\n');
}

const TABLES = { commands: commandsTable, settings: settingsTable };

/** The marked table `name`: the begin marker's line, the table, the end marker. */
function markers(name) {
  return new RegExp(`(<!-- ${name}:begin[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
}

/** `readme` with each marked table rewritten from `manifest`; throws when a marker is missing. */
export function withTables(readme, manifest) {
  let text = readme;
  for (const [name, table] of Object.entries(TABLES)) {
    const pattern = markers(name);
    if (!pattern.test(text)) throw new Error(`README.md has no <!-- ${name}:begin --> ... <!-- ${name}:end --> markers`);
    text = text.replace(pattern, (_, begin, end) => `${begin}${table(manifest)}\n${end}`);
  }
  return text;
}

/** The names of the tables that differ between `readme` and what `manifest` makes of them. */
export function staleTables(readme, manifest) {
  const fresh = withTables(readme, manifest);
  if (fresh === readme) return [];
  return Object.keys(TABLES).filter(name => {
    return readme.match(markers(name))?.[0] !== fresh.match(markers(name))?.[0];
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (process.argv.includes('--check')) {
    const stale = staleTables(readme, manifest);
    if (stale.length > 0) {
      console.error(`README.md: the ${stale.join(' and ')} table${stale.length > 1 ? 's differ' : ' differs'} from package.json: run \`npm run readme-tables\``);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(readmePath, withTables(readme, manifest));
  }
}

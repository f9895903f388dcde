// docs/configuration.md, written from the settings tables of src/config.ts (npm run generate).
import {
  AUTH_SETTINGS,
  GATEWAY_SETTINGS,
  LIMIT_SETTINGS,
  SANDBOX_SETTINGS,
  type Setting,
  UPSTREAM_AUTH_SETTINGS,
} from '../src/config.ts';

const sections: [string, Record<string, Setting<unknown>>][] = [
  ['Gateway', GATEWAY_SETTINGS],
  ['Authentication', AUTH_SETTINGS],
  ['Upstream credentials', UPSTREAM_AUTH_SETTINGS],
  ['Limits', LIMIT_SETTINGS],
  ['Sandbox', SANDBOX_SETTINGS],
];

const cell = (text: string) => text.replaceAll('|', '\\|');
const shown = (value: unknown) => (value === null ? '(none)' : `\`${String(value)}\``);

export function configurationDoc(): string {
  const lines = [
    '# Configuration',
    '',
    'Every setting is an environment variable, read and checked once at start by `src/config.ts`; a bad value',
    'stops the start with one line per problem. This page is generated from that file (`npm run generate`).',
    '',
  ];
  for (const [title, settings] of sections) {
    lines.push(`## ${title}`, '', '| variable | default | meaning |', '| --- | --- | --- |');
    for (const s of Object.values(settings)) {
      const example = s.example ? ` (e.g. \`${s.example}\`)` : '';
      lines.push(
        `| \`${s.env}\` | ${s.shown ?? shown(s.fallback)} | ${cell(s.description)}${cell(example)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

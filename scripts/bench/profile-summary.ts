/**
 * `npm run bench:profile -- <file.cpuprofile> [more ...] [--top 15] [--from-s 0]`: a V8 CPU profile
 * (`node --cpu-prof`) summarised by package: the self time of every sampled function, grouped by where its code lives
 * (an npm package, a part of Node, the project's own src/ directories, V8's garbage collector), as a
 * share of the busy CPU (idle excluded). V8's builtins (JSON.parse, RegExp, Array methods...) have no
 * source of their own: their time is the caller's, so they count for the nearest caller with a source. --from-s leaves out the first seconds of each profile (start-up
 * and warm-up). Prints a Markdown table.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '15' }, 'from-s': { type: 'string', default: '0' } },
});
const top = Number(values.top);
const fromUs = Number(values['from-s']) * 1e6;
if (positionals.length === 0 || !Number.isInteger(top) || top < 1 || !(fromUs >= 0)) {
  console.error('usage: npm run bench:profile -- <file.cpuprofile> [more ...] [--top 15] [--from-s 0]');
  process.exit(2);
}

/** Node's own modules by what they do: the HTTP client and server, sockets and streams, the rest. */
function nodePart(module: string): string {
  if (/^(_http_|https?$|internal\/http)/.test(module)) return "Node's HTTP (client, agent, server)";
  if (/^(net$|stream|internal\/streams|internal\/stream_base|internal\/net)/.test(module))
    return "Node's sockets and streams";
  if (/^(events$|internal\/event_target|internal\/abort_controller)/.test(module))
    return "Node's events and AbortController";
  if (/^(internal\/deps\/undici|internal\/fetch)/.test(module)) return "Node's fetch (undici)";
  return 'Node, other internals';
}

/** Where a sampled function's code lives; null for a builtin, which counts for its caller. */
function groupOf({ functionName, url }: ProfileNode['callFrame']): string | null {
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(program)') return 'V8 / native, unattributed (program)';
    if (functionName === '(root)') return 'V8 builtins, no caller';
    return null;
  }
  if (url.startsWith('node:')) return nodePart(url.slice('node:'.length));
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const [scope, name] = url.slice(inModules + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? url);
  }
  const src = /\/(src|scripts)\/([^/]+)/.exec(url);
  if (src) return `project ${src[1]}/${src[2]}`;
  return url;
}

const selfMs = new Map<string, number>();
for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const groups = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = groups.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const group =
      (node && groupOf(node.callFrame)) ?? (up === undefined ? 'V8 builtins, no caller' : resolve(up));
    groups.set(id, group);
    return group;
  };
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node || at < fromUs) return;
    const group = resolve(node.id);
    selfMs.set(group, (selfMs.get(group) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
}
const idle = selfMs.get('(idle)') ?? 0;
selfMs.delete('(idle)');
const busy = [...selfMs.values()].reduce((a, b) => a + b, 0);
const rows = [...selfMs.entries()].sort((a, b) => b[1] - a[1]);
console.log(
  `${positionals.length} profile(s): ${(busy / 1000).toFixed(1)} s busy, ${(idle / 1000).toFixed(1)} s idle\n`,
);
console.log('| where the code lives | self CPU ms | share of busy CPU |');
console.log('| --- | ---: | ---: |');
for (const [group, ms] of rows.slice(0, top))
  console.log(`| ${group} | ${ms.toFixed(0)} | ${((100 * ms) / busy).toFixed(1)}% |`);
const rest = rows.slice(top).reduce((a, [, ms]) => a + ms, 0);
if (rest > 0)
  console.log(`| ${rows.length - top} more | ${rest.toFixed(0)} | ${((100 * rest) / busy).toFixed(1)}% |`);

// deploy/: every Kubernetes manifest validated against its kind's schema (kubernetes-models: the
// Kubernetes OpenAPI definitions compiled to validators), then checked against each other, the
// app's own configuration loader, the Redis chart's values and the Dockerfile. Nothing here needs a
// cluster, Helm or a container engine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import {
  HorizontalPodAutoscaler,
  type IHorizontalPodAutoscaler,
} from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import {
  type IPodDisruptionBudget,
  PodDisruptionBudget,
} from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { type INamespace, Namespace } from 'kubernetes-models/v1/Namespace';
import { type IService, Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config.ts';
import { V8_FLAGS } from '../../src/runtime.ts';

const ROOT = join(import.meta.dirname, '../..');
const DEPLOY = join(ROOT, 'deploy');
const K8S = join(DEPLOY, 'k8s');

interface Manifest {
  file: string;
  doc: Record<string, unknown> & { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
}

function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing: ${what}`);
  return value;
}

const yamlFiles = readdirSync(K8S)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();

const manifests: Manifest[] = yamlFiles.flatMap((file) => {
  const documents = parseAllDocuments(readFileSync(join(K8S, file), 'utf8'));
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map(String).join('; ')}`);
  }
  return list
    .map((document) => document.toJS() as Manifest['doc'] | null)
    .filter((doc): doc is Manifest['doc'] => doc !== null)
    .map((doc) => ({ file, doc }));
});

const typeOf = ({ doc }: Manifest) => `${String(doc.apiVersion)}/${String(doc.kind)}`;

/** A schema validator per apiVersion/kind: `validate()` throws with every violation. */
const SCHEMAS: Record<string, (data: unknown) => { validate(): void }> = {
  'v1/Namespace': (data) => new Namespace(data as INamespace),
  'v1/ConfigMap': (data) => new ConfigMap(data as IConfigMap),
  'v1/Service': (data) => new Service(data as IService),
  'apps/v1/Deployment': (data) => new Deployment(data as IDeployment),
  'autoscaling/v2/HorizontalPodAutoscaler': (data) =>
    new HorizontalPodAutoscaler(data as IHorizontalPodAutoscaler),
  'policy/v1/PodDisruptionBudget': (data) => new PodDisruptionBudget(data as IPodDisruptionBudget),
};
const KUSTOMIZATION = 'kustomize.config.k8s.io/v1beta1/Kustomization';

function only<T>(type: string): T {
  const found = manifests.filter((manifest) => typeOf(manifest) === type);
  expect(found, `exactly one ${type} in deploy/k8s`).toHaveLength(1);
  return must(found[0], type).doc as T;
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
}

const kustomization = only<Kustomization>(KUSTOMIZATION);
const namespace = only<INamespace>('v1/Namespace');
const configMap = only<IConfigMap>('v1/ConfigMap');
const deployment = only<IDeployment>('apps/v1/Deployment');
const service = only<IService>('v1/Service');
const hpa = only<IHorizontalPodAutoscaler>('autoscaling/v2/HorizontalPodAutoscaler');
const pdb = only<IPodDisruptionBudget>('policy/v1/PodDisruptionBudget');

const podSpec = must(deployment.spec?.template.spec, 'Deployment pod spec');
const podLabels = must(deployment.spec?.template.metadata?.labels, 'Deployment pod labels');
const containers = podSpec.containers;
const container: IContainer = must(containers[0], 'the gateway container');
const httpPort = must(
  container.ports?.find((port) => port.name === 'http'),
  'a container port named http',
);

/** A probe's or a Service's port, by name or number, as the container port number it reaches. */
function containerPortOf(port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((candidate) => candidate.name === port)?.containerPort;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

/** Kubernetes quantities as plain numbers (cores, bytes). */
function quantity(value: string | number | undefined): number {
  if (typeof value === 'number') return value;
  const match = /^([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(must(value, 'a quantity'));
  if (!match) throw new Error(`not a quantity: ${value}`);
  const units: Record<string, number> = {
    '': 1,
    m: 1e-3,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
  };
  return Number(match[1]) * must(units[match[2] ?? ''], 'unit');
}

/**
 * The container's environment as the kubelet builds it: envFrom first, then env in order, each
 * `$(NAME)` expanded from what is defined before it. Secret values are stand-ins; `secrets` are the
 * Secrets that exist, for those read whole by `envFrom`.
 */
function containerEnvironment(
  secretValue: (name: string, key: string) => string,
  secrets: Record<string, Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.secretRef) {
      const name = must(source.secretRef.name, 'secretRef name');
      const data = secrets[name];
      // A Secret the operator may not have made must not keep the pods from starting.
      if (data === undefined) expect(source.secretRef.optional, `${name} is optional`).toBe(true);
      Object.assign(env, data);
      continue;
    }
    const name = must(source.configMapRef?.name, 'envFrom holds ConfigMaps and Secrets');
    expect(name, 'envFrom names the ConfigMap of deploy/k8s').toBe(configMap.metadata?.name);
    Object.assign(env, configMap.data);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    env[variable.name] = secret
      ? secretValue(must(secret.name, 'secretKeyRef name'), secret.key)
      : (variable.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (reference, name: string) => {
          const value = env[name];
          if (value === undefined) throw new Error(`${variable.name}: ${reference} is not defined before it`);
          return value;
        });
  }
  return env;
}

describe('deploy/k8s manifests', () => {
  it('parse, and every document names its apiVersion, kind and name', () => {
    expect(yamlFiles.length).toBeGreaterThan(1);
    for (const { file, doc } of manifests) {
      expect(typeof doc.apiVersion, `${file}: apiVersion`).toBe('string');
      expect(typeof doc.kind, `${file}: kind`).toBe('string');
      if (typeOf({ file, doc }) !== KUSTOMIZATION)
        expect(typeof doc.metadata?.name, `${file}: name`).toBe('string');
    }
  });

  it('validate against the Kubernetes schema of their kind', () => {
    const problems: string[] = [];
    for (const manifest of manifests) {
      const type = typeOf(manifest);
      if (type === KUSTOMIZATION) continue;
      const schema = SCHEMAS[type];
      if (!schema) {
        problems.push(`${manifest.file}: no schema wired in this test for ${type}`);
        continue;
      }
      try {
        schema(manifest.doc).validate();
      } catch (error) {
        problems.push(`${manifest.file} (${type}): ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('kustomization.yaml lists every other manifest, one namespace for all, and the image', () => {
    const others = yamlFiles.filter((file) => !/^kustomization\.ya?ml$/.test(file));
    expect([...(kustomization.resources ?? [])].sort()).toEqual(others);
    expect(kustomization.namespace).toBe(namespace.metadata?.name);
    for (const { file, doc } of manifests) {
      const type = typeOf({ file, doc });
      if (type === KUSTOMIZATION || type === 'v1/Namespace') continue;
      expect((doc.metadata as { namespace?: string }).namespace, `${file}: namespace`).toBe(
        kustomization.namespace,
      );
    }
    const image = must(
      kustomization.images?.find((entry) => entry.name === container.image),
      `an images entry for the container image "${container.image}"`,
    );
    expect(image.newName ?? '').not.toBe('');
    expect(image.newTag ?? image.digest ?? '').not.toBe('');
  });
});

describe('Deployment', () => {
  it('runs 3 replicas of one container serving http on 4000, selected by its own pod labels', () => {
    expect(deployment.spec?.replicas).toBe(3);
    expect(containers).toHaveLength(1);
    expect(httpPort.containerPort).toBe(4000);
    expect(selects(deployment.spec?.selector.matchLabels, podLabels)).toBe(true);
  });

  it('probes /health/live (liveness, startup) and /health/ready (readiness) on the container port', () => {
    const live = must(container.livenessProbe?.httpGet, 'livenessProbe.httpGet');
    const startup = must(container.startupProbe?.httpGet, 'startupProbe.httpGet');
    const ready = must(container.readinessProbe?.httpGet, 'readinessProbe.httpGet');
    expect(live.path).toBe('/health/live');
    expect(startup.path).toBe('/health/live');
    expect(ready.path).toBe('/health/ready');
    for (const probe of [live, startup, ready]) {
      expect(containerPortOf(probe.port)).toBe(httpPort.containerPort);
      expect(probe.scheme ?? 'HTTP').toBe('HTTP');
    }
    // /health/ready's own upstream knock takes up to 2 s: the probe must wait longer.
    expect(container.readinessProbe?.timeoutSeconds ?? 1).toBeGreaterThan(2);
  });

  it('runs as non-root with a read-only root filesystem, no privilege escalation and no capabilities', () => {
    const pod = podSpec.securityContext ?? {};
    const own = container.securityContext ?? {};
    expect(own.runAsNonRoot ?? pod.runAsNonRoot).toBe(true);
    const user = own.runAsUser ?? pod.runAsUser;
    if (user !== undefined) expect(user).toBeGreaterThan(0);
    expect(own.readOnlyRootFilesystem).toBe(true);
    expect(own.allowPrivilegeEscalation).toBe(false);
    expect(own.privileged ?? false).toBe(false);
    expect(own.capabilities?.drop).toContain('ALL');
    expect(own.capabilities?.add ?? []).toEqual([]);
    expect((own.seccompProfile ?? pod.seccompProfile)?.type).toBe('RuntimeDefault');
  });

  it('sets CPU and memory requests and limits, requests within limits', () => {
    const { requests, limits } = must(container.resources, 'resources');
    for (const resource of ['cpu', 'memory']) {
      const request = quantity(must(requests?.[resource], `requests.${resource}`));
      const limit = quantity(must(limits?.[resource], `limits.${resource}`));
      expect(request).toBeGreaterThan(0);
      expect(request).toBeLessThanOrEqual(limit);
    }
    // The V8 heap cap, if set, stays under the memory limit.
    const heap = /--max-old-space-size=(\d+)/.exec(containerEnvironment(() => 'x').NODE_OPTIONS ?? '')?.[1];
    if (heap) expect(Number(heap) * 2 ** 20).toBeLessThan(quantity(limits?.memory));
  });

  it('drains before SIGTERM: a preStop sleep well inside terminationGracePeriodSeconds (30)', () => {
    expect(podSpec.terminationGracePeriodSeconds).toBe(30);
    const preStop = must(container.lifecycle?.preStop, 'lifecycle.preStop');
    const command = preStop.exec?.command ?? [];
    const seconds = preStop.sleep?.seconds ?? (command[0] === 'sleep' ? Number(command[1]) : Number.NaN);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(30 / 2);
  });

  it('asks Prometheus to scrape /metrics on the container port', () => {
    const annotations = deployment.spec?.template.metadata?.annotations ?? {};
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(annotations['prometheus.io/path']).toBe('/metrics');
    expect(Number(annotations['prometheus.io/port'])).toBe(httpPort.containerPort);
  });

  it('spreads its pods over nodes and zones', () => {
    const constraints = podSpec.topologySpreadConstraints ?? [];
    expect(constraints.map((constraint) => constraint.topologyKey)).toEqual(
      expect.arrayContaining(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']),
    );
    for (const constraint of constraints) {
      expect(selects(constraint.labelSelector?.matchLabels, podLabels)).toBe(true);
    }
  });

  it("gets an environment the gateway's own config loader accepts in production", () => {
    const env = containerEnvironment((name, key) => `secret-${name}-${key}`);
    const { gateway } = loadConfig(env);
    expect(gateway.production).toBe(true);
    expect(gateway.port).toBe(httpPort.containerPort);
    // Without UPSTREAM_URL the gateway would start the in-process Sandbox as its upstream.
    expect(gateway.upstreamUrl).not.toBeNull();
    expect(gateway.auth.disabled).toBe(false);
    expect(gateway.auth.jwksUrl).not.toBeNull();
    // No secret in the ConfigMap: the Redis password only comes from a Secret.
    expect(JSON.stringify(configMap.data)).not.toMatch(/redis:\/\/[^@\s]*:[^@\s]+@/);
  });

  it("takes the upstream's credentials from an optional Secret, none of them from the ConfigMap", () => {
    const standIn = (name: string, key: string) => `secret-${name}-${key}`;
    expect(loadConfig(containerEnvironment(standIn)).gateway.upstreamAuth.mode).toBe('none');
    const upstream = {
      UPSTREAM_AUTH: 'client_credentials',
      UPSTREAM_TOKEN_URL: 'https://login.example.com/oauth/token',
      UPSTREAM_CLIENT_ID: 'selfcare-gateway',
      UPSTREAM_CLIENT_SECRET: 'stand-in-secret',
    };
    const { upstreamAuth } = loadConfig(
      containerEnvironment(standIn, { 'selfcare-gateway-upstream': upstream }),
    ).gateway;
    expect(upstreamAuth).toMatchObject({
      mode: 'client_credentials',
      clientId: 'selfcare-gateway',
      clientSecret: 'stand-in-secret',
    });
    for (const secret of ['UPSTREAM_CLIENT_SECRET', 'UPSTREAM_HEADERS']) {
      expect(Object.keys(configMap.data ?? {})).not.toContain(secret);
    }
  });
});

describe('Service, HorizontalPodAutoscaler, PodDisruptionBudget', () => {
  it('the Service is ClusterIP port 80 to the container port, selecting the pods', () => {
    expect(service.spec?.type ?? 'ClusterIP').toBe('ClusterIP');
    const ports = service.spec?.ports ?? [];
    expect(ports).toHaveLength(1);
    const port = must(ports[0], 'the Service port');
    expect(port.port).toBe(80);
    expect(containerPortOf(port.targetPort)).toBe(httpPort.containerPort);
    expect(selects(service.spec?.selector, podLabels)).toBe(true);
  });

  it('the HPA scales the Deployment from 3 to 20 replicas at 70% CPU', () => {
    expect(hpa.spec?.scaleTargetRef).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata?.name,
    });
    expect(hpa.spec?.minReplicas).toBe(3);
    expect(hpa.spec?.maxReplicas).toBe(20);
    expect(hpa.spec?.metrics).toContainEqual({
      type: 'Resource',
      resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
    });
    // Utilization is measured against the request: there must be one.
    expect(container.resources?.requests?.cpu).toBeDefined();
  });

  it("the PDB selects the Deployment's pods and still lets one go at a time", () => {
    expect(pdb.spec?.selector?.matchLabels).toEqual(deployment.spec?.selector.matchLabels);
    expect(selects(pdb.spec?.selector?.matchLabels, podLabels)).toBe(true);
    const { minAvailable, maxUnavailable } = pdb.spec ?? {};
    expect(minAvailable === undefined).not.toBe(maxUnavailable === undefined);
    if (maxUnavailable !== undefined) expect(maxUnavailable).not.toBe(0);
    if (typeof minAvailable === 'number')
      expect(minAvailable).toBeLessThan(must(hpa.spec?.minReplicas, 'min'));
  });
});

describe('deploy/redis (Bitnami chart values)', () => {
  const values = parse(readFileSync(join(DEPLOY, 'redis/values.yaml'), 'utf8')) as {
    fullnameOverride?: string;
    architecture?: string;
    auth?: { enabled?: boolean; existingSecret?: string; existingSecretPasswordKey?: string };
    master?: { persistence?: { enabled?: boolean } };
  };

  it('one node, no persistence, password from an existing Secret', () => {
    expect(values.architecture).toBe('standalone');
    expect(values.master?.persistence?.enabled).toBe(false);
    expect(values.auth?.enabled).toBe(true);
    expect(values.auth?.existingSecret).toBeTruthy();
    expect(values.auth?.existingSecretPasswordKey).toBeTruthy();
  });

  it("the gateway's REDIS_URL reaches the chart's master Service with the chart's Secret", () => {
    const secretRefs: string[] = [];
    const env = containerEnvironment((name, key) => {
      secretRefs.push(`${name}/${key}`);
      return 'password';
    });
    expect(secretRefs).toContain(`${values.auth?.existingSecret}/${values.auth?.existingSecretPasswordKey}`);
    const url = new URL(must(env.REDIS_URL, 'REDIS_URL'));
    expect(url.protocol).toBe('redis:');
    expect(url.hostname).toBe(`${must(values.fullnameOverride, 'fullnameOverride')}-master`);
    expect(url.port || '6379').toBe('6379');
    expect(url.password).toBe('password');
  });
});

describe('deploy/Dockerfile', () => {
  const text = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
  // Instructions: comments dropped, continuation lines joined.
  const instructions = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
      return { keyword: keyword.toUpperCase(), rest };
    });
  const firstFrom = instructions.findIndex(({ keyword }) => keyword === 'FROM');
  const globalArgs = Object.fromEntries(
    instructions
      .slice(0, firstFrom)
      .filter(({ keyword }) => keyword === 'ARG')
      .map(({ rest }) => rest.split('=', 2) as [string, string]),
  );
  const stages: { from: string; instructions: typeof instructions }[] = [];
  for (const instruction of instructions.slice(firstFrom)) {
    if (instruction.keyword === 'FROM') {
      const image = must(instruction.rest.split(/\s+/)[0], 'FROM image');
      stages.push({
        from: image.replace(/\$\{?(\w+)\}?/g, (_, name: string) => globalArgs[name] ?? ''),
        instructions: [],
      });
    } else {
      must(stages.at(-1), 'a stage').instructions.push(instruction);
    }
  }
  const runtime = must(stages.at(-1), 'the runtime stage');
  const inRuntime = (keyword: string) =>
    runtime.instructions.filter((instruction) => instruction.keyword === keyword).map(({ rest }) => rest);

  it('is a multi-stage build whose runtime stage is an official Node 24 image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.from).toMatch(/^node:24-(slim|alpine)$/);
    expect(
      instructions.some(({ keyword, rest }) => keyword === 'RUN' && /npm ci\b.*--omit=dev/.test(rest)),
    ).toBe(true);
    expect(inRuntime('COPY').some((rest) => /--from=\S+.*node_modules/.test(rest))).toBe(true);
  });

  it("runs as a non-root USER with NODE_ENV=production, port 4000 and node src/main.ts with the gateway's V8 flags", () => {
    const users = inRuntime('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(must(users.at(-1), 'USER').split(':')[0]).not.toMatch(/^(root|0)$/);
    expect(inRuntime('ENV').join(' ')).toMatch(/(^|\s)NODE_ENV=production(\s|$)/);
    expect(inRuntime('EXPOSE')).toEqual([String(httpPort.containerPort)]);
    expect(JSON.parse(must(inRuntime('CMD').at(-1), 'CMD'))).toEqual(['node', ...V8_FLAGS, 'src/main.ts']);
  });

  it('has a HEALTHCHECK on /health/live without curl', () => {
    const healthchecks = inRuntime('HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]).toMatch(/\/health\/live/);
    expect(healthchecks[0]).toMatch(/CMD \["node"/);
    expect(healthchecks[0]).not.toMatch(/curl|wget/);
  });

  it('copies what the runtime needs, and its ignore file lets exactly that into the context', () => {
    const sources = inRuntime('COPY')
      .filter((rest) => !rest.startsWith('--from'))
      .flatMap((rest) => rest.split(/\s+/).slice(0, -1));
    expect(sources.sort()).toEqual(['operations', 'package-lock.json', 'package.json', 'schema', 'src']);
    for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    const ignore = readFileSync(join(DEPLOY, 'Dockerfile.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(ignore[0]).toBe('*');
    for (const source of sources) expect(ignore).toContain(`!${source}${source.includes('.') ? '' : '/'}`);
    expect(ignore).toContain('**/.dev-auth');
  });
});

// The Kubernetes manifests as `kubectl kustomize` renders each overlay (from a copy of deploy/, with the
// example credentials file in place as docs/DEPLOY.md says), validated against the Kubernetes schemas
// (kubernetes-models, offline) and checked for what matters: the image, probes on the ops port, the store
// volume on CCE's EVS class, a non-root read-only container, one replica replaced with Recreate, and RBAC
// that can only read.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { ClusterRole, ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;
const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
if (!kubectl) console.warn('manifests test: kubectl is not installed, so the overlays cannot be rendered; skipped');

// biome-ignore lint/suspicious/noExplicitAny: each model takes its own kind's object.
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  Namespace,
  ServiceAccount,
  ClusterRole,
  ClusterRoleBinding,
  ConfigMap,
  Secret,
  PersistentVolumeClaim,
  Deployment,
  Service,
  Ingress,
};

type Manifest = { kind: string; metadata: { name: string }; [key: string]: unknown };

async function render(overlay: string): Promise<Manifest[]> {
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-deploy-'));
  await cp(join(ROOT, 'deploy'), join(dir, 'deploy'), { recursive: true });
  await copyFile(join(dir, 'deploy/base/credentials.env.example'), join(dir, 'deploy/base/credentials.env'));
  const text = execFileSync('kubectl', ['kustomize', join(dir, 'deploy/overlays', overlay)], { encoding: 'utf8' });
  return parseAllDocuments(text).map((doc) => doc.toJS() as Manifest);
}

const one = (objects: Manifest[], kind: string) => {
  const found = objects.filter((object) => object.kind === kind);
  expect(found, kind).toHaveLength(1);
  // biome-ignore lint/suspicious/noExplicitAny: a rendered object, read field by field below.
  return found[0] as any;
};

describe.runIf(kubectl).each(['socket-mode', 'http'])('deploy/overlays/%s', (overlay) => {
  it('renders objects that pass the Kubernetes schemas', async () => {
    const objects = await render(overlay);
    const kinds = objects.map((object) => object.kind).sort();
    expect(kinds).toEqual(
      [
        'ClusterRole',
        'ClusterRoleBinding',
        'ConfigMap',
        'Deployment',
        'Namespace',
        'PersistentVolumeClaim',
        'Secret',
        'Service',
        'ServiceAccount',
        ...(overlay === 'http' ? ['Ingress'] : []),
      ].sort(),
    );
    // The validator is not a formality: a wrong field type is caught.
    const deployment = one(objects, 'Deployment');
    expect(() => new Deployment({ ...deployment, spec: { ...deployment.spec, replicas: 'one' } }).validate()).toThrow();
    for (const object of objects) {
      const Model = MODELS[object.kind];
      expect(Model, object.kind).toBeDefined();
      expect(
        () => new (Model as NonNullable<typeof Model>)(object).validate(),
        `${object.kind} ${object.metadata.name}`,
      ).not.toThrow();
    }
  });

  it('runs one non-root, read-only replica with probes, the store on EVS, and the image pinned', async () => {
    const objects = await render(overlay);
    const deployment = one(objects, 'Deployment');
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(container.image).toBe('swr.cn-north-4.myhuaweicloud.com/your-organization/reachbot:0.1.0');
    expect(pod.serviceAccountName).toBe('reachbot');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'metrics' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'metrics' });
    expect(container.ports).toContainEqual({ name: 'metrics', containerPort: 9090 });
    if (overlay === 'http') expect(container.ports).toContainEqual({ name: 'http', containerPort: 3000 });
    expect(container.resources.requests.memory).toBe('384Mi');
    expect(container.resources.limits.memory).toBe('1536Mi');
    // The grace period leaves room for the drain (REACHBOT_DRAIN_SECONDS) and the flush after it.
    const config = one(objects, 'ConfigMap');
    expect(Number(config.data.REACHBOT_DRAIN_SECONDS)).toBeLessThan(pod.terminationGracePeriodSeconds);
    expect(config.data.REACHBOT_STORE).toBe('/data/reachbot.json');
    expect(container.envFrom).toEqual([
      { configMapRef: { name: config.metadata.name } },
      { secretRef: { name: one(objects, 'Secret').metadata.name } },
    ]);
    // Slack's and Huawei Cloud's credentials, all from the one git-ignored credentials.env.
    expect(Object.keys(one(objects, 'Secret').data ?? {}).sort()).toEqual([
      'HUAWEICLOUD_ACCESS_KEY',
      'HUAWEICLOUD_PROJECT_ID',
      'HUAWEICLOUD_SECRET_KEY',
      'SLACK_APP_TOKEN',
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
    ]);

    const mounts = Object.fromEntries(
      container.volumeMounts.map((m: { name: string; mountPath: string }) => [m.mountPath, m.name]),
    );
    expect(mounts).toEqual({ '/data': 'store', '/tmp': 'tmp' });
    const pvc = one(objects, 'PersistentVolumeClaim');
    expect(pod.volumes).toContainEqual({ name: 'store', persistentVolumeClaim: { claimName: pvc.metadata.name } });
    expect(pvc.spec).toMatchObject({ storageClassName: 'csi-disk', accessModes: ['ReadWriteOnce'] });

    const service = one(objects, 'Service');
    const ports = service.spec.ports.map((p: { name: string }) => p.name);
    expect(ports).toEqual(overlay === 'http' ? ['metrics', 'http'] : ['metrics']);
    for (const [key, value] of Object.entries(service.spec.selector)) {
      expect(deployment.spec.template.metadata.labels[key]).toBe(value);
    }
    if (overlay === 'http') {
      const ingress = one(objects, 'Ingress');
      expect(ingress.spec.rules[0].http.paths[0]).toMatchObject({
        path: '/slack/events',
        backend: { service: { name: service.metadata.name, port: { name: 'http' } } },
      });
    }
  });

  it('grants the Kubernetes-side import read-only access, to the bot only', async () => {
    const objects = await render(overlay);
    const role = one(objects, 'ClusterRole');
    const granted = role.rules.flatMap((rule: { apiGroups: string[]; resources: string[]; verbs: string[] }) => {
      expect(rule.verbs.sort()).toEqual(['get', 'list', 'watch']);
      return rule.resources.map((resource) => `${rule.apiGroups[0] || 'core'}/${resource}`);
    });
    expect(granted.sort()).toEqual(
      [
        'core/namespaces',
        'core/pods',
        'apps/deployments',
        'apps/statefulsets',
        'apps/daemonsets',
        'networking.k8s.io/networkpolicies',
        'crd.yangtse.cni/securitygroups',
      ].sort(),
    );
    const binding = one(objects, 'ClusterRoleBinding');
    expect(binding.roleRef).toMatchObject({ kind: 'ClusterRole', name: role.metadata.name });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'reachbot', namespace: 'reachbot' }]);
  });
});

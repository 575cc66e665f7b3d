// The fields of the API's objects that reachbot reads, checked before they are mapped. The official client types its
// answers but does not check them: an object that is null, or a NetworkPolicy whose rule list holds a null, reached
// the mapping as it was and ended the whole import with a TypeError (found by replacing each value of a realistic
// cluster's answers in turn, test/kubernetes/malformed-answers.test.ts). An object that does not fit is skipped with
// a warning instead, as a mapped object that does not validate already was. Every field may be absent or null;
// fields reachbot does not read are let through unchecked.
import * as z from 'zod/v4';

const text = z.string().nullish();
const stringMap = z.record(z.string(), z.string()).nullish();

const metadata = z
  .looseObject({
    name: text,
    namespace: text,
    labels: stringMap,
    annotations: stringMap,
    ownerReferences: z.array(z.unknown()).nullish(),
  })
  .nullish();

const podSpec = z.looseObject({ hostNetwork: z.boolean().nullish() }).nullish();

/** A Namespace. */
export const rawNamespace = z.looseObject({ metadata });

/** A Deployment, StatefulSet or DaemonSet: its pod template. */
export const rawController = z.looseObject({
  metadata,
  spec: z.looseObject({ template: z.looseObject({ metadata, spec: podSpec }).nullish() }).nullish(),
});

/** A Pod. */
export const rawPod = z.looseObject({ metadata, spec: podSpec });

const selector = z
  .looseObject({
    matchLabels: stringMap,
    matchExpressions: z
      .array(z.looseObject({ key: z.string(), operator: z.string(), values: z.array(z.string()).nullish() }))
      .nullish(),
  })
  .nullish();

const peers = z
  .array(
    z.looseObject({
      ipBlock: z.looseObject({ cidr: z.string(), except: z.array(z.string()).nullish() }).nullish(),
      podSelector: selector,
      namespaceSelector: selector,
    }),
  )
  .nullish();

const ports = z
  .array(
    z.looseObject({ protocol: text, port: z.union([z.number(), z.string()]).nullish(), endPort: z.number().nullish() }),
  )
  .nullish();

/** A NetworkPolicy as the client gives it (its `from` is `_from`). */
export const rawNetworkPolicy = z.looseObject({
  metadata,
  spec: z
    .looseObject({
      podSelector: selector,
      policyTypes: z.array(z.string()).nullish(),
      ingress: z.array(z.looseObject({ _from: peers, ports })).nullish(),
      egress: z.array(z.looseObject({ to: peers, ports })).nullish(),
    })
    .nullish(),
});

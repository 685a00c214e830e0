// Runs rendered Kubernetes manifests (the dev overlay, `kustomize build k8s/overlays/dev`) under
// podman, as a small kubelet would: podman 4.3's `kube play` takes neither StatefulSets nor
// Services nor Jobs, so this script reads the SAME rendered objects and turns each into podman
// containers on one network, instead of a second, hand-written description of the deployment.
//
// Usage:
//   node tests/deploy/podman-kube.mjs up   --run NAME --state DIR --probe-client PIFCTL FILE...
//   node tests/deploy/podman-kube.mjs wait --run NAME --state DIR --probe-client PIFCTL POD
//   node tests/deploy/podman-kube.mjs down --run NAME
//
// What is translated (anything else in a pod spec stops `up` with an error, so nothing is
// silently dropped):
//   Service            a DNS name on the run's network: each pod its selector matches gets the
//                      Service's name as a network alias (headless Services, as pif's are); a
//                      Service whose port differs from its pods' port is refused
//   StatefulSet        pods NAME-0..N-1, started first, each waited for until its readiness probe
//                      passes; volumeClaimTemplates become folders under DIR/volumes
//   Job                run to completion after the StatefulSets, retried up to backoffLimit
//   Deployment         pods NAME-0..N-1 with restart policy `always` (a killed container comes
//                      back, as the kubelet brings it back), waited for until ready
//   ConfigMap, Secret  envFrom, env valueFrom and secret volumes (files with defaultMode, group
//                      fsGroup, read-only)
//   emptyDir           a folder of the pod, mode 0777
//   securityContext    --user runAsUser:runAsGroup, --group-add fsGroup, --read-only,
//                      --cap-drop all, no-new-privileges
//   probes             readiness probes are what `up` and `wait` poll: exec probes through
//                      `podman exec`, gRPC probes through the health client given (pifctl health,
//                      plaintext, to the pod's address on the network)
// Not translated: resource requests and limits (the cluster's business), NetworkPolicies,
// PodDisruptionBudgets, HorizontalPodAutoscalers, ServiceAccounts, Namespaces (nothing to run).
// Every container and the network carry the label pif.podman-kube=NAME; `down` removes them.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

const LABEL = "pif.podman-kube";
const IGNORED_KINDS = new Set([
  "Namespace", "ServiceAccount", "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler",
]);
const POD_FIELDS = new Set([
  "serviceAccountName", "automountServiceAccountToken", "securityContext", "containers", "volumes",
  "terminationGracePeriodSeconds", "restartPolicy",
]);
const CONTAINER_FIELDS = new Set([
  "name", "image", "imagePullPolicy", "command", "args", "env", "envFrom", "ports", "volumeMounts",
  "resources", "securityContext", "startupProbe", "readinessProbe", "livenessProbe",
]);

function fail(message) {
  console.error(`[podman-kube] error: ${message}`);
  process.exit(1);
}
function log(message) {
  console.error(`[podman-kube] ${message}`);
}

function parseArgs(argv) {
  const [verb, ...rest] = argv;
  const options = { verb, files: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--run") options.run = rest[++i];
    else if (arg === "--state") options.state = path.resolve(rest[++i]);
    else if (arg === "--probe-client") options.probeClient = rest[++i];
    else if (arg === "--timeout") options.timeout = Number(rest[++i]);
    else options.files.push(arg);
  }
  if (!["up", "down", "wait"].includes(verb)) fail("usage: podman-kube.mjs up|wait|down --run NAME ...");
  if (!options.run || !/^[a-z0-9][a-z0-9-]*$/.test(options.run)) fail("--run NAME (lower case, digits, -)");
  if (verb !== "down" && (!options.state || !options.probeClient)) fail("--state DIR and --probe-client PIFCTL");
  options.timeout ??= 180;
  return options;
}

function podman(args, { allowFailure = false, quiet = false } = {}) {
  const result = spawnSync("podman", args, { encoding: "utf8" });
  if (result.status !== 0 && !allowFailure) {
    fail(`podman ${args.slice(0, 3).join(" ")} ...: ${(result.stderr || result.stdout || "").trim()}`);
  }
  if (!quiet && result.status !== 0) log((result.stderr || "").trim());
  return result;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// ---- reading the rendered objects --------------------------------------------------------------
function load(files) {
  const objects = [];
  for (const file of files) {
    for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, "utf8"))) {
      const object = doc.toJSON();
      if (object) objects.push(object);
    }
  }
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  for (const o of objects) {
    if (!["Service", "StatefulSet", "Deployment", "Job", "ConfigMap", "Secret"].includes(o.kind) &&
        !IGNORED_KINDS.has(o.kind)) {
      fail(`${o.kind}/${o.metadata?.name}: a kind this script does not run`);
    }
  }
  const configMaps = Object.fromEntries(byKind("ConfigMap").map((c) => [c.metadata.name, c.data ?? {}]));
  const secrets = Object.fromEntries(byKind("Secret").map((s) => [s.metadata.name, {
    ...Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, Buffer.from(v.replace(/\s/g, ""), "base64")])),
    ...Object.fromEntries(Object.entries(s.stringData ?? {}).map(([k, v]) => [k, Buffer.from(v)])),
  }]));
  return { objects, byKind, configMaps, secrets };
}

const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v) && Object.keys(selector ?? {}).length > 0;

// ---- one pod as podman arguments --------------------------------------------------------------
function envOf(container, { configMaps, secrets }, where) {
  const env = {};
  const need = (map, name, kind) => map[name] ?? fail(`${where}: ${kind} ${name} is missing`);
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, need(configMaps, from.configMapRef.name, "ConfigMap"));
    else if (from.secretRef) {
      for (const [k, v] of Object.entries(need(secrets, from.secretRef.name, "Secret"))) env[k] = v.toString("utf8");
    } else fail(`${where}: envFrom ${JSON.stringify(from)}`);
  }
  for (const e of container.env ?? []) {
    if ("value" in e) env[e.name] = String(e.value);
    else if (e.valueFrom?.secretKeyRef) {
      const { name, key } = e.valueFrom.secretKeyRef;
      const value = need(secrets, name, "Secret")[key] ?? fail(`${where}: Secret ${name} has no ${key}`);
      env[e.name] = value.toString("utf8");
    } else if (e.valueFrom?.configMapKeyRef) {
      const { name, key } = e.valueFrom.configMapKeyRef;
      env[e.name] = need(configMaps, name, "ConfigMap")[key] ?? fail(`${where}: ConfigMap ${name} has no ${key}`);
    } else fail(`${where}: env ${e.name} of an unsupported source`);
  }
  return env;
}

function volumeFolders(pod, podName, state, cluster, claimTemplates) {
  const group = pod.securityContext?.fsGroup ?? 0;
  const folders = {};
  for (const volume of pod.volumes ?? []) {
    const dir = path.join(state, "pods", podName, volume.name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    if (volume.emptyDir) {
      fs.chmodSync(dir, 0o777);
    } else if (volume.secret || volume.configMap) {
      const source = volume.secret
        ? cluster.secrets[volume.secret.secretName] ?? fail(`${podName}: Secret ${volume.secret.secretName} is missing`)
        : cluster.configMaps[volume.configMap.name] ?? fail(`${podName}: ConfigMap ${volume.configMap.name} is missing`);
      const mode = (volume.secret ?? volume.configMap).defaultMode ?? 0o644;
      for (const [key, value] of Object.entries(source)) {
        const file = path.join(dir, key);
        fs.writeFileSync(file, value, { mode });
        fs.chmodSync(file, mode);
        fs.chownSync(file, 0, group);
      }
      fs.chmodSync(dir, 0o755);
    } else {
      fail(`${podName}: volume ${volume.name} of an unsupported type`);
    }
    folders[volume.name] = { dir, readOnly: Boolean(volume.secret || volume.configMap) };
  }
  for (const claim of claimTemplates ?? []) {
    const dir = path.join(state, "volumes", `${claim.metadata.name}-${podName}`);
    if (!fs.existsSync(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      fs.chownSync(dir, 0, group);
      fs.chmodSync(dir, 0o2775);
    }
    folders[claim.metadata.name] = { dir, readOnly: false };
  }
  return folders;
}

function podmanRunArgs(run, podName, template, cluster, services, state, claimTemplates, restart) {
  const pod = template.spec;
  for (const field of Object.keys(pod)) if (!POD_FIELDS.has(field)) fail(`${podName}: pod field ${field}`);
  if (pod.containers.length !== 1) fail(`${podName}: ${pod.containers.length} containers (one per pod here)`);
  const container = pod.containers[0];
  for (const field of Object.keys(container)) if (!CONTAINER_FIELDS.has(field)) fail(`${podName}: container field ${field}`);
  const labels = template.metadata?.labels ?? {};
  const args = ["run", "-d", "--name", podName, "--hostname", podName, "--network", run,
    "--label", `${LABEL}=${run}`, "--pull", "never", "--restart", restart];
  for (const service of services) {
    if (!matches(service.spec.selector, labels)) continue;
    args.push("--network-alias", service.metadata.name);
    for (const port of service.spec.ports ?? []) {
      const target = port.targetPort ?? port.port;
      const containerPort = typeof target === "number" ? target
        : container.ports?.find((p) => p.name === target)?.containerPort;
      if (containerPort !== port.port) {
        fail(`Service ${service.metadata.name}: port ${port.port} is not its pods' port (${target})`);
      }
    }
  }
  const security = { ...(pod.securityContext ?? {}), ...(container.securityContext ?? {}) };
  if (security.runAsUser !== undefined) args.push("--user", `${security.runAsUser}:${security.runAsGroup ?? security.runAsUser}`);
  if (pod.securityContext?.fsGroup !== undefined) args.push("--group-add", String(pod.securityContext.fsGroup));
  if (security.readOnlyRootFilesystem) args.push("--read-only", "--read-only-tmpfs=false");
  if (security.allowPrivilegeEscalation === false) args.push("--security-opt", "no-new-privileges");
  for (const cap of security.capabilities?.drop ?? []) args.push("--cap-drop", cap.toLowerCase());
  for (const cap of security.capabilities?.add ?? []) args.push("--cap-add", cap.toLowerCase());
  if (pod.terminationGracePeriodSeconds !== undefined) args.push("--stop-timeout", String(pod.terminationGracePeriodSeconds));
  for (const [k, v] of Object.entries(envOf(container, cluster, podName))) args.push("--env", `${k}=${v}`);
  const folders = volumeFolders(pod, podName, state, cluster, claimTemplates);
  for (const mount of container.volumeMounts ?? []) {
    const folder = folders[mount.name] ?? fail(`${podName}: volumeMount ${mount.name} names no volume`);
    const ro = mount.readOnly || folder.readOnly;
    args.push("--volume", `${folder.dir}:${mount.mountPath}:${ro ? "ro" : "rw"}`);
  }
  if (container.command) args.push("--entrypoint", JSON.stringify(container.command));
  args.push(container.image, ...(container.args ?? []));
  return { args, container };
}

// ---- probes -----------------------------------------------------------------------------------
function address(run, podName) {
  const result = podman(["inspect", "-f", `{{(index .NetworkSettings.Networks "${run}").IPAddress}}`, podName],
    { allowFailure: true, quiet: true });
  return result.status === 0 ? result.stdout.trim() : "";
}

function probeOnce(run, podName, probe, probeClient) {
  if (!probe) return true;
  if (probe.exec) {
    return podman(["exec", podName, ...probe.exec.command], { allowFailure: true, quiet: true }).status === 0;
  }
  if (probe.grpc) {
    const ip = address(run, podName);
    if (!ip) return false;
    const args = ["health", `--address=${ip}:${probe.grpc.port}`, "--timeout_ms=1000"];
    if (probe.grpc.service) args.push(`--service=${probe.grpc.service}`);
    // pifctl must call in plaintext here: no TLS files from the environment.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PIFCTL_TLS_")));
    return spawnSync(probeClient, args, { encoding: "utf8", env }).status === 0;
  }
  fail(`${podName}: a probe of an unsupported type ${JSON.stringify(probe)}`);
}

function waitReady(run, podName, container, probeClient, timeoutSeconds) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const probe = container.readinessProbe ?? container.startupProbe;
  while (Date.now() < deadline) {
    const running = podman(["inspect", "-f", "{{.State.Running}}", podName], { allowFailure: true, quiet: true });
    if (running.stdout.trim() === "true" && probeOnce(run, podName, probe, probeClient)) return;
    sleep(500);
  }
  const logs = podman(["logs", "--tail", "30", podName], { allowFailure: true, quiet: true });
  fail(`${podName} not ready within ${timeoutSeconds} s; its last lines:\n${logs.stdout}${logs.stderr}`);
}

// ---- verbs ------------------------------------------------------------------------------------
function down(run) {
  const ids = podman(["ps", "-aq", "--filter", `label=${LABEL}=${run}`], { allowFailure: true, quiet: true })
    .stdout.split(/\s+/).filter(Boolean);
  if (ids.length) podman(["rm", "-f", "-t", "0", ...ids], { allowFailure: true });
  if (podman(["network", "exists", run], { allowFailure: true, quiet: true }).status === 0) {
    podman(["network", "rm", "-f", run], { allowFailure: true });
  }
}

function replicasOf(object) {
  return object.spec.replicas ?? 1;
}

function up(options) {
  const cluster = load(options.files);
  const services = cluster.byKind("Service");
  fs.mkdirSync(options.state, { recursive: true });
  down(options.run);
  podman(["network", "create", "--label", `${LABEL}=${options.run}`, options.run]);
  const plan = {};
  const start = (object, restart) => {
    const started = [];
    for (let i = 0; i < replicasOf(object); i++) {
      const podName = `${object.metadata.name}-${i}`;
      const { args, container } = podmanRunArgs(options.run, podName, object.spec.template, cluster, services,
        options.state, object.spec.volumeClaimTemplates, restart);
      podman(args);
      plan[podName] = { container };
      started.push([podName, container]);
    }
    return started;
  };
  const waitAll = (started) => {
    for (const [podName, container] of started) {
      waitReady(options.run, podName, container, options.probeClient, options.timeout);
      log(`${podName} ready`);
    }
  };
  waitAll(cluster.byKind("StatefulSet").flatMap((s) => start(s, "always")));
  for (const job of cluster.byKind("Job")) {
    const attempts = (job.spec.backoffLimit ?? 6) + 1;
    const podName = `${job.metadata.name}-job`;
    let done = false;
    for (let attempt = 1; attempt <= attempts && !done; attempt++) {
      podman(["rm", "-f", podName], { allowFailure: true, quiet: true });
      const { args } = podmanRunArgs(options.run, podName, job.spec.template, cluster, services, options.state,
        undefined, "no");
      podman(args);
      const exit = podman(["wait", podName], { allowFailure: true, quiet: true }).stdout.trim();
      done = exit === "0";
      if (!done) {
        log(`${job.metadata.name}: attempt ${attempt} ended with ${exit}`);
        sleep(1000 * attempt);
      }
    }
    if (!done) fail(`Job ${job.metadata.name} did not complete in ${attempts} attempts`);
    log(`Job ${job.metadata.name} complete`);
  }
  waitAll(cluster.byKind("Deployment").flatMap((d) => start(d, "always")));
  fs.writeFileSync(path.join(options.state, "pods.json"), JSON.stringify(plan, null, 2));
}

function wait(options) {
  const plan = JSON.parse(fs.readFileSync(path.join(options.state, "pods.json"), "utf8"));
  for (const podName of options.files) {
    const entry = plan[podName] ?? fail(`no pod ${podName} in this run`);
    waitReady(options.run, podName, entry.container, options.probeClient, options.timeout);
    log(`${podName} ready`);
  }
}

const options = parseArgs(process.argv.slice(2));
if (options.verb === "up") up(options);
else if (options.verb === "wait") wait(options);
else down(options.run);

// A "target" is what the load client drives in one measurement: the Java server on SQLite, on PostgreSQL, as two
// nodes over Redis, or the Node.js peer; each with its own fresh database, removed when the target stops.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createPostgresDatabase, sqliteSql } from "./databases.mjs";
import { startJavaNode, startPeerNode } from "./servers.mjs";

export const TARGETS = {
  "java-sqlite": { label: "Java · SQLite", engine: "sqlite", nodes: 1, peer: false },
  "java-postgres": { label: "Java · PostgreSQL", engine: "postgres", nodes: 1, peer: false },
  "java-postgres-2nodes": { label: "Java · PostgreSQL · 2 nodes + Redis", engine: "postgres", nodes: 2, peer: false },
  "node-peer": { label: "Node peer · PostgreSQL", engine: "postgres", nodes: 1, peer: true },
};

const ADMIN = { email: "admin@bench.local", password: "bench-admin-password" };

/**
 * Starts `kind` (a key of TARGETS). The result names where users and admins connect (different nodes for the
 * two-node target), the pids to charge CPU to, SQL access to its database, and `stop()`.
 */
export async function startTarget(kind, opts) {
  const spec = TARGETS[kind];
  const dir = mkdtempSync(join(tmpdir(), `bench-${kind}-`));
  const secrets = { access: randomBytes(32).toString("hex"), refresh: randomBytes(32).toString("hex") };
  const cleanups = [() => rmSync(dir, { recursive: true, force: true })];
  const nodes = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.service.stop()));
    // Server logs outlive the temporary folder, for looking into errors after a run.
    if (opts.logDir) {
      mkdirSync(opts.logDir, { recursive: true });
      nodes.forEach((n) => copyFileSync(n.service.logFile, join(opts.logDir, `${kind}-${n.name}.log`)));
    }
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    let db = null;
    if (spec.engine === "postgres") {
      db = await createPostgresDatabase(
        opts.pgAdminUrl,
        `bench_${kind.replace(/-/g, "_")}_${process.pid}_${Date.now()}`,
      );
      cleanups.push(() => db.drop());
    }
    const common = { dir, secrets, admin: ADMIN, databaseUrl: db?.url };
    if (spec.peer) {
      nodes.push(
        await startPeerNode({ ...common, name: "node-peer", schemaDir: opts.schemaDir, poolSize: opts.peerPool }),
      );
    } else {
      const redis = spec.nodes > 1 ? { url: opts.redisUrl, prefix: `bench-${process.pid}-${Date.now()}` } : null;
      for (let i = 0; i < spec.nodes; i++) {
        const nodeDir = spec.nodes > 1 ? mkdtempSync(join(dir, `node${i}-`)) : dir;
        const name = spec.nodes > 1 ? `java-node-${"AB"[i]}` : "java";
        nodes.push(
          await startJavaNode({ ...common, dir: nodeDir, name, jar: opts.jar, javaOpts: opts.javaOpts, redis }),
        );
      }
    }
    return {
      kind,
      ...spec,
      nodes,
      admin: ADMIN,
      restUrl: nodes[0].url,
      userUrl: nodes[0].url,
      adminUrl: nodes[nodes.length - 1].url,
      sql: db ? db.sql : sqliteSql(join(dir, "support-chat.db")),
      serverPids: () => nodes.map((n) => n.service.pid),
      javaPids: () => nodes.filter((n) => n.java).map((n) => n.service.pid),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

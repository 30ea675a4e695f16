// Starting one server process: a node of the Java server, or the Node.js peer. Both get a clean environment (only
// what is set here), so a DATABASE_URL or REDIS_URL in the caller's shell cannot leak into a run.
import { join } from "node:path";
import { freePort, startService, waitHealthy } from "./proc.mjs";

const BASE_ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8" };

/** Limits the server enforces against abuse, raised so that the load generator is not mistaken for an attacker. */
const LOAD_LIMITS = {
  SOCKET_MESSAGES_PER_SECOND: "1000000",
  // an admin answering 50 chats of the latency scenario sends 600 messages a minute
  MESSAGES_PER_MINUTE_PER_USER: "100000000",
  LOGIN_MAX_ATTEMPTS_PER_IP: "1000000",
  LOGIN_MAX_ATTEMPTS_PER_EMAIL: "1000000",
  // the assignment benchmark's chats come from widget visitors, all from one address
  WIDGET_VISITORS_PER_IP_PER_HOUR: "100000000",
  // a run must not outlive its tokens
  ACCESS_TOKEN_EXPIRY: "6h",
};

/**
 * One Java node. `dir` is its private folder: DATA_DIR, log, and working directory (the server reads a `.env` in its
 * working directory, and the repository's must not apply).
 */
export async function startJavaNode({ name, jar, javaOpts, dir, databaseUrl, redis, secrets, admin }) {
  const port = await freePort();
  const env = {
    ...BASE_ENV,
    ...LOAD_LIMITS,
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dir,
    ...(process.env.METRICS_TOKEN ? { METRICS_TOKEN: process.env.METRICS_TOKEN } : {}),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ACCESS_TOKEN_SECRET: secrets.access,
    REFRESH_TOKEN_SECRET: secrets.refresh,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(redis ? { REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix } : {}),
  };
  const args = [...javaOpts.split(/\s+/).filter(Boolean), "-jar", jar];
  const service = startService(name, "java", args, { env, cwd: dir, logFile: join(dir, "server.log") });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/health`, service);
  return { name, url, service, java: true };
}

/** The Node.js peer (bench/node-peer): express + socket.io + pg, on a PostgreSQL database it migrates itself. */
export async function startPeerNode({ name, dir, databaseUrl, secrets, admin, schemaDir, poolSize }) {
  const port = await freePort();
  const env = {
    ...BASE_ENV,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SCHEMA_DIR: schemaDir,
    POOL_SIZE: String(poolSize),
    JWT_SECRET: secrets.access,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  };
  const server = new URL("../node-peer/server.mjs", import.meta.url).pathname;
  const service = startService(name, process.execPath, [server], { env, cwd: dir, logFile: join(dir, "server.log") });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/health`, service);
  return { name, url, service, java: false };
}

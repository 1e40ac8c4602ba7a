import { execFile } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * A local RFC 3161 timestamp authority for tests: an HTTP server on 127.0.0.1 that answers
 * application/timestamp-query with `openssl ts -reply`, signed by a throwaway TSA certificate
 * (extendedKeyUsage critical timeStamping) generated into a temporary directory.
 */
export interface TestTsa {
  url: string;
  /** PEM of the TSA certificate (self-signed). */
  certificatePem: string;
  /** How many queries it answered. */
  requests(): number;
  /** How many queries it received (answered or held). */
  received(): number;
  /** Resolves once it has received `count` queries in all. */
  waitForReceived(count: number): Promise<void>;
  /** How many queries it holds unanswered (`hold: true`). */
  held(): number;
  /** Answers the held queries, and every later one at once. */
  release(): void;
  close(): Promise<void>;
}

export interface TestTsaOptions {
  /** Hold every query unanswered until release(): a timestamp authority that hangs. */
  hold?: boolean;
}

const run = promisify(execFile);

export async function startTestTsa(options: TestTsaOptions = {}): Promise<TestTsa> {
  const dir = mkdtempSync(path.join(tmpdir(), "vetted-tsa-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-sha256",
      "-days",
      "30",
      "-keyout",
      path.join(dir, "tsa.key"),
      "-out",
      path.join(dir, "tsa.crt"),
      "-subj",
      "/CN=Vetted Test TSA/O=Vetted Tests",
      "-addext",
      "extendedKeyUsage=critical,timeStamping",
      "-addext",
      "basicConstraints=critical,CA:FALSE",
      "-addext",
      "keyUsage=critical,digitalSignature",
    ],
    { stdio: "ignore" },
  );
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a test's own temporary directory
  writeFileSync(path.join(dir, "serial"), "01\n");
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a test's own temporary directory
  writeFileSync(
    path.join(dir, "tsa.cnf"),
    [
      "[ tsa ]",
      "default_tsa = tsa_config",
      "[ tsa_config ]",
      `dir = ${dir}`,
      "serial = $dir/serial",
      "crypto_device = builtin",
      "signer_cert = $dir/tsa.crt",
      "signer_key = $dir/tsa.key",
      "signer_digest = sha256",
      "default_policy = 1.3.6.1.4.1.99999.1",
      "digests = sha256, sha384, sha512",
      "accuracy = secs:1",
      "ordering = yes",
      "tsa_name = yes",
      "ess_cert_id_chain = no",
      "ess_cert_id_alg = sha256",
      "",
    ].join("\n"),
  );
  let count = 0;
  let receivedCount = 0;
  let holding = options.hold === true;
  const heldAnswers: Array<() => void> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  // One openssl call at a time: they share the serial file.
  let queue: Promise<unknown> = Promise.resolve();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      receivedCount += 1;
      for (const waiter of waiters.filter((w) => receivedCount >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      if (holding) heldAnswers.push(() => answer());
      else answer();
    });
    const answer = () => {
      queue = queue.then(async () => {
        count += 1;
        const query = path.join(dir, `q${count}.tsq`);
        const reply = path.join(dir, `r${count}.tsr`);
        // eslint-disable-next-line security/detect-non-literal-fs-filename -- a test's own temporary directory
        writeFileSync(query, Buffer.concat(chunks));
        try {
          await run("openssl", [
            "ts",
            "-reply",
            "-config",
            path.join(dir, "tsa.cnf"),
            "-queryfile",
            query,
            "-out",
            reply,
          ]);
          res.writeHead(200, { "Content-Type": "application/timestamp-reply" });
          // eslint-disable-next-line security/detect-non-literal-fs-filename -- a test's own temporary directory
          res.end(readFileSync(reply));
        } catch (error) {
          res.writeHead(500, { "Content-Type": "text/plain" });
          res.end(error instanceof Error ? error.message : String(error));
        }
      });
    };
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- a test's own temporary directory
    certificatePem: readFileSync(path.join(dir, "tsa.crt"), "utf8"),
    requests: () => count,
    received: () => receivedCount,
    waitForReceived: (wanted) =>
      receivedCount >= wanted
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count: wanted, resolve })),
    held: () => heldAnswers.length,
    release: () => {
      holding = false;
      for (const answerHeld of heldAnswers.splice(0)) answerHeld();
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Held connections (a client that gave up, a killed server) must not keep it open.
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

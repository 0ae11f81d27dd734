/**
 * Node's zlib as the package writer's deflate back end (the writer itself uses fflate, which also
 * runs in a browser). Measured on a 30,000-task plan (1,004 sheets, 48 MB of XML): zipping took
 * 3.3 s with zlib against 8.2 s with fflate on the same machine.
 *
 * Through gzip, whose trailer carries the data's CRC-32: zlib computes it in C in the same pass,
 * where the writer's CRC in JavaScript took 0.3 s of a 30,000-task `generate` (62 MB of parts).
 */
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "worker_threads";
import { gzipSync, inflateRawSync } from "zlib";
import type { BackgroundDeflater, Deflated, Deflater, Inflater } from "../package/zip";

/** Node writes a 10-byte gzip header (no name, no extra field) and an 8-byte trailer: CRC-32, size. */
const HEADER = 10;
const TRAILER = 8;

export const nodeDeflate: Deflater = (data) => {
  const gz = gzipSync(data, { level: 6 });
  return { raw: gz.subarray(HEADER, gz.length - TRAILER), crc: gz.readUInt32LE(gz.length - TRAILER) };
};

/**
 * The worker's whole program: each part deflated as `nodeDeflate` does, answered on the port it
 * is given. The part's bytes were moved here, not copied; they are moved back with the answer, so
 * the main thread's next collection frees them (this thread's would come rarely, it allocates little).
 */
const WORKER_SOURCE = `
const { parentPort } = require("worker_threads");
const { gzipSync } = require("zlib");
let results;
parentPort.on("message", (m) => {
  if (m.port) return void (results = m.port);
  let answer;
  try {
    const gz = gzipSync(m.data, { level: 6 });
    const own = new Uint8Array(gz.length);
    own.set(gz);
    answer = { id: m.id, gz: own };
  } catch (err) {
    answer = { id: m.id, error: String((err && err.message) || err) };
  }
  results.postMessage({ ...answer, data: m.data }, answer.gz ? [answer.gz.buffer, m.data.buffer] : [m.data.buffer]);
});
`;

interface Job {
  done: (r: Deflated) => void;
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * One worker thread for the process, started on first use. Its answers come back on a port of
 * their own, which a synchronous writer reads between two sheets (receiveMessageOnPort) and the
 * event loop reads otherwise; the port holds the process open only while a part is out.
 */
class DeflateWorker {
  private readonly worker: Worker;
  private readonly results: MessagePort;
  private readonly jobs = new Map<number, Job>();
  private nextId = 0;
  private broken: Error | null = null;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.results = port1;
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.postMessage({ port: port2 }, [port2]);
    port1.on("message", (m: Answer) => this.settle(m));
    port1.unref();
    const fail = (err: Error) => {
      this.broken = err;
      for (const job of this.jobs.values()) job.reject(err);
      this.jobs.clear();
      this.results.unref();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the deflate worker stopped (exit ${code})`)));
  }

  deflate(data: Uint8Array, done: (r: Deflated) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.broken) return reject(this.broken);
      const id = this.nextId++;
      this.jobs.set(id, { done, resolve, reject });
      this.results.ref();
      // The bytes move to the worker (the caller gives them up); a view into a larger buffer
      // (which it cannot give up) is copied first.
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
      this.worker.postMessage({ id, data: own }, [own.buffer as ArrayBuffer]);
    });
  }

  collect(): void {
    for (let m = receiveMessageOnPort(this.results); m; m = receiveMessageOnPort(this.results))
      this.settle(m.message as Answer);
  }

  /**
   * Waits, blocking, until every part sent is done (a part read back before the package is
   * written). A worker that dies while this waits cannot say so (its exit comes through the event
   * loop, which this blocks): two minutes without an answer end the wait with an error.
   */
  finish(): void {
    const pause = new Int32Array(new SharedArrayBuffer(4));
    let answered = this.jobs.size;
    let since = Date.now();
    for (this.collect(); this.jobs.size && !this.broken; this.collect()) {
      if (this.jobs.size < answered) [answered, since] = [this.jobs.size, Date.now()];
      else if (Date.now() - since > 120_000) throw new Error("the compression worker stopped answering");
      Atomics.wait(pause, 0, 0, 1);
    }
  }

  private settle(m: Answer): void {
    const job = this.jobs.get(m.id);
    if (!job) return;
    this.jobs.delete(m.id);
    if (!this.jobs.size) this.results.unref();
    if (m.error !== undefined || !m.gz)
      return job.reject(new Error(`deflate failed: ${m.error ?? "no output"}`));
    job.done(fromGzip(m.gz));
    job.resolve();
  }
}

interface Answer {
  id: number;
  gz?: Uint8Array;
  error?: string;
  /** The part's bytes, moved back. */
  data?: Uint8Array;
}

function fromGzip(gz: Uint8Array): Deflated {
  const view = new DataView(gz.buffer, gz.byteOffset, gz.byteLength);
  return { raw: gz.subarray(HEADER, gz.length - TRAILER), crc: view.getUint32(gz.length - TRAILER, true) };
}

let shared: DeflateWorker | null = null;

/**
 * The same deflate as `nodeDeflate` on a worker thread, so parts are compressed while the writer
 * builds the next sheets (zlib's own thread pool would wait for the writer's synchronous loop
 * between every 16 KB of output). One worker for the process, started on first use.
 */
export const nodeDeflateInBackground: BackgroundDeflater = {
  deflate: (data, done) => (shared ??= new DeflateWorker()).deflate(data, done),
  collect: () => shared?.collect(),
  finish: () => shared?.finish(),
};

/**
 * Node's zlib as the package reader's inflate back end: a 30,000-task list's sheet (12 MB of XML)
 * inflated in 20 ms against 0.2 s with fflate, measured in `generate` on the same machine.
 */
export const nodeInflate: Inflater = (raw, size) => {
  const out = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};

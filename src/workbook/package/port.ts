/**
 * The files port: a workbook held as package bytes (Node and browser alike). Reading goes through
 * the light sheet reader; `apply` edits the package as writer.ts says; `bytes()` is the output.
 */
import type { ApplyProgress, WorkbookPort, WorkbookView } from "../../app/port";
import type { LedgerSettings, WorkbookPlan } from "../../core/plan/model";
import { newWorkbookPackage } from "./new-workbook";
import { Package } from "./package";
import { PackageReader } from "./sheet-reader";
import { type SheetExtras, applyPlanToPackage } from "./writer";
import type { BackgroundDeflater, Deflater, Inflater } from "./zip";

export interface PackagePortOptions {
  /** A faster deflate back end (Node's zlib); fflate otherwise. */
  deflate?: Deflater;
  /** The same deflate run beside the writer (Node's zlib thread pool), for `bytesAsync`. */
  deflateInBackground?: BackgroundDeflater;
  /** A faster inflate back end for reading the input (Node's zlib); fflate otherwise. */
  inflate?: Inflater;
  /** Parts a sheet brings beyond its cells (charts). */
  extras?: SheetExtras;
}

export class PackagePort implements WorkbookPort {
  private readonly pkg: Package;
  private reader: PackageReader | null = null;

  /**
   * A workbook from its bytes, or a new empty one. Throws NotAZipError / NotAWorkbookError (whose
   * messages say what the file is instead) when the bytes are not a workbook.
   */
  constructor(
    input?: Uint8Array,
    private readonly opts: PackagePortOptions = {},
  ) {
    this.pkg = input ? Package.open(input, opts.inflate) : newWorkbookPackage();
    if (opts.deflateInBackground) this.pkg.deflateInBackground(opts.deflateInBackground);
    if (input) this.reader = new PackageReader(this.pkg);
  }

  /** The package, for tests and for adapters that add to it. */
  get package(): Package {
    return this.pkg;
  }

  /** The workbook's sheets and their grids, read on demand (each sheet parsed once). */
  viewNow(): WorkbookView {
    const reader = (this.reader ??= new PackageReader(this.pkg));
    return { sheets: reader.sheets(), grid: (name) => reader.grid(name) };
  }

  view(): Promise<WorkbookView> {
    return Promise.resolve(this.viewNow());
  }

  applyNow(plan: WorkbookPlan, previous: LedgerSettings | null, onProgress?: ApplyProgress): void {
    applyPlanToPackage(this.pkg, plan, previous, {
      ...(onProgress ? { onProgress } : {}),
      ...(this.opts.extras ? { extras: this.opts.extras } : {}),
    });
    this.reader = null;
  }

  apply(plan: WorkbookPlan, previous: LedgerSettings | null, onProgress?: ApplyProgress): Promise<void> {
    return Promise.resolve().then(() => this.applyNow(plan, previous, onProgress));
  }

  /** The workbook as bytes: the input's untouched parts copied as they came. */
  bytes(): Uint8Array {
    return this.pkg.toBytes(this.opts.deflate);
  }

  /** The same bytes, the parts deflated in the background since they were written taken as they are. */
  bytesAsync(): Promise<Uint8Array> {
    return this.pkg.toBytesAsync(this.opts.deflate);
  }
}

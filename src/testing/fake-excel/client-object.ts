/**
 * The batching model of Office.js, reproduced: proxies only queue work; `context.sync()` runs the
 * queue in order (one round trip, counted) and only then are loaded properties readable. A proxy
 * is bound to its document object when its creating call runs inside a sync, exactly as Excel binds
 * an object path, so a wrong sheet name fails at sync time, not when the proxy is created.
 */
import { FakeOfficeError, propertyNotLoaded } from './errors';

export type Op = () => void | Promise<void>;

export type ChangedHandler = (args: unknown) => unknown;

/** What proxies need from the host: counting, events, requirement sets, inserting workbooks. */
export interface FakeHostHooks {
  onSync(): void;
  /** Excel on the web refuses a request or response above 5 MB; null = no limit. */
  payloadLimit(): number | null;
  /**
   * What a method called on a null object does: `propagate` returns another null object (what the
   * adapter expects), `fail` fails the batch with ItemNotFound. The Office.js docs do not say which
   * real Excel does, so the adapter must work under both.
   */
  nullChaining(): 'propagate' | 'fail';
  /** Turns the changes recorded during a sync into onChanged events. */
  afterSync(): void;
  isSetSupported(name: string, version: string): boolean;
  addChangedHandler(sheetId: string, handler: ChangedHandler): void;
  removeChangedHandler(sheetId: string, handler: ChangedHandler): void;
  /** Runs inside a sync: adds the workbook's sheets to the open one; returns their ids. */
  insertWorksheets(base64: string, options: { sheetNamesToInsert?: string[] }): Promise<string[]>;
}

export type LoadOption = string | string[] | { select?: string | string[] } | undefined;

export class FakeRequestContext {
  private queue: Op[] = [];
  private closed = false;
  private sent = 0;
  private received = 0;
  /** Office.js API surface the adapter may touch; the fake tracks nothing. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(
    readonly host: FakeHostHooks,
    /** Builds the workbook proxy lazily, so this module does not depend on the workbook module. */
    workbookFactory: (ctx: FakeRequestContext) => unknown,
  ) {
    this.workbook = workbookFactory(this);
  }

  readonly workbook: unknown;

  /** Counts the JSON size of data going to Excel (writes) or coming back (loads) in this sync. */
  addPayload(direction: 'request' | 'response', value: unknown): void {
    const limit = this.host.payloadLimit();
    if (limit === null) return;
    const size = JSON.stringify(value ?? null).length;
    if (direction === 'request') this.sent += size;
    else this.received += size;
    if (this.sent > limit) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${limit} bytes).`,
      );
    }
    if (this.received > limit) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${limit} bytes).`,
      );
    }
  }

  enqueue(op: Op): void {
    if (this.closed) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The object cannot be used: its Excel.run batch has finished. Use Excel.run(object, batch) to reuse it.',
      );
    }
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** One round trip. Operations after a failing one are not executed (as in Excel). */
  async sync<T>(passThroughValue?: T): Promise<T> {
    this.host.onSync();
    const ops = this.queue;
    this.queue = [];
    this.sent = 0;
    this.received = 0;
    try {
      for (const op of ops) await op();
    } finally {
      this.host.afterSync();
    }
    return passThroughValue as T;
  }

  close(): void {
    this.closed = true;
  }

  reopen(): void {
    this.closed = false;
  }
}

/** How a proxy finds its document object: by a resolver run inside the sync, or already known. */
export type Binding<T> = { resolve: () => T | null; action?: boolean } | { target: T };

const nullObjectError = (type: string) =>
  new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${type} is a null object).`);

export abstract class FakeClientObject<T> {
  private _target: T | null | undefined = undefined;
  private _bindError: unknown;
  private readonly _loaded = new Map<string, unknown>();

  protected constructor(
    readonly context: FakeRequestContext,
    protected readonly _typeName: string,
    binding: Binding<T>,
  ) {
    if ('target' in binding) {
      this._target = binding.target;
      this._loaded.set('isNullObject', false);
      return;
    }
    context.enqueue(() => {
      try {
        this._target = binding.resolve();
      } catch (e) {
        // A creating call (add) is an action: Excel runs it and fails the batch even when its
        // result is never used. A mere path (getItem) fails only when something uses it.
        if (binding.action) throw e;
        this._bindError = e;
      }
      this._loaded.set('isNullObject', this._target === null);
    });
  }

  /** Readable only after the sync that bound the object. */
  get isNullObject(): boolean {
    return this._read('isNullObject');
  }

  /** Scalar properties loaded by `load()` with no argument. */
  protected abstract readonly _scalarProps: readonly string[];

  /** The current document value of one scalar property; throws for names the type lacks. */
  protected abstract _snapshot(target: T, property: string): unknown;

  /** Navigation properties (sub-objects) for "a/b" load paths. */
  protected _navigation(_name: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }

  /** The bound object, for operations. A null object or a failed binding makes the batch fail. */
  protected _t(): T {
    if (this._bindError !== undefined) throw this._bindError;
    if (this._target === null) throw nullObjectError(this._typeName);
    if (this._target === undefined) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `${this._typeName} used before it was bound (internal).`,
      );
    }
    return this._target;
  }

  /** For children built from this proxy: null propagates (methods of a null object return null objects). */
  _parentTarget(): T | null {
    if (this._bindError !== undefined) throw this._bindError;
    if (this._target === undefined) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        `${this._typeName} used before it was bound (internal).`,
      );
    }
    if (this._target === null && this.context.host.nullChaining() === 'fail')
      throw nullObjectError(this._typeName);
    return this._target;
  }

  protected _read<V>(property: string): V {
    if (!this._loaded.has(property)) throw propertyNotLoaded(this._typeName, property);
    return this._loaded.get(property) as V;
  }

  /** Queues an operation on the bound object. */
  protected _queue(fn: (target: T) => void | Promise<void>): void {
    this.context.enqueue(() => fn(this._t()));
  }

  /** Queues a load: loading a null object is allowed and leaves it empty. */
  protected _queueLoad(fn: (target: T) => void): void {
    this.context.enqueue(() => {
      if (this._bindError !== undefined) throw this._bindError;
      if (this._target === null) return;
      fn(this._t());
    });
  }

  /** Marks properties readable with the given values (used by results computed inside a sync). */
  protected _setLoaded(property: string, value: unknown): void {
    this._loaded.set(property, value);
  }

  load(option?: LoadOption): this {
    const props = normaliseLoad(option);
    const direct: string[] = [];
    for (const p of props ?? this._scalarProps) {
      const slash = p.indexOf('/');
      if (slash < 0) {
        const nav = this._scalarProps.includes(p) ? undefined : this._navigation(p);
        if (nav) nav.load();
        else direct.push(p);
        continue;
      }
      const head = p.slice(0, slash);
      const child = this._navigation(head);
      if (!child) throw new FakeOfficeError('InvalidArgument', `Cannot load '${p}' on ${this._typeName}.`);
      child.load(p.slice(slash + 1));
    }
    this.context.enqueue(() => {
      if (this._bindError !== undefined) throw this._bindError;
      if (this._target === null) return; // loading a null object is allowed; it stays empty
      const target = this._t();
      for (const p of direct) {
        const value = cloneDeep(this._snapshot(target, p));
        this.context.addPayload('response', value);
        this._loaded.set(p, value);
      }
    });
    return this;
  }

  /** Loads every scalar property immediately (collections load their items inside a sync). */
  _loadNow(props?: readonly string[]): void {
    if (this._target === null || this._target === undefined) return;
    for (const p of props ?? this._scalarProps)
      this._loaded.set(p, cloneDeep(this._snapshot(this._target, p)));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries([...this._loaded].filter(([k]) => k !== 'isNullObject'));
  }
}

function normaliseLoad(option: LoadOption): string[] | undefined {
  if (option === undefined) return undefined;
  if (typeof option === 'string') return splitProps(option);
  if (Array.isArray(option)) return option.flatMap(splitProps);
  if (option.select === undefined) return undefined;
  return typeof option.select === 'string' ? splitProps(option.select) : option.select.flatMap(splitProps);
}

function splitProps(s: string): string[] {
  return s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

function cloneDeep<V>(v: V): V {
  if (Array.isArray(v)) return v.map(cloneDeep) as V;
  if (v && typeof v === 'object') return { ...v };
  return v;
}

export function unknownProperty(type: string, property: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The property '${property}' does not exist on ${type}.`);
}

/** A value computed by a method call, readable after sync (OfficeExtension.ClientResult). */
export class FakeClientResult<V> {
  private _value: V | undefined;
  private _set = false;

  _resolve(v: V): void {
    this._value = v;
    this._set = true;
  }

  get value(): V {
    if (!this._set) throw propertyNotLoaded('ClientResult', 'value');
    return this._value as V;
  }
}

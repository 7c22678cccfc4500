/**
 * The YAML language server of VS Code's YAML extension (npm yaml-language-server), driven over stdio
 * the way an editor drives it: open a document, wait for the diagnostics it publishes. Schemas come
 * from the document's modeline (`# yaml-language-server: $schema=…`); the schema store is off, so
 * nothing is fetched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EditorDiagnostic {
  line: number;
  col: number;
  message: string;
}

export class YamlLanguageServer {
  private readonly server: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly replies = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, (d: EditorDiagnostic[]) => void>();
  private version = 0;

  private constructor() {
    const require = createRequire(import.meta.url);
    const bin = join(dirname(require.resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');
    this.server = spawn(process.execPath, [bin, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.server.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  /** A started server; `locale` is the editor's display language (VS Code sends its own). */
  static async start(locale = 'en'): Promise<YamlLanguageServer> {
    const ls = new YamlLanguageServer();
    await ls.request('initialize', { processId: process.pid, rootUri: null, locale, capabilities: { workspace: { configuration: true } } });
    ls.send({ method: 'initialized', params: {} });
    ls.send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml: { validate: true, schemaStore: { enable: false } } } } });
    return ls;
  }

  /**
   * Opens `text` as an unsaved document beside `file` (its modeline resolves from that folder) and
   * resolves with the diagnostics. Each under a name of its own: a document opened again under the
   * same name would receive the diagnostics of the one before.
   */
  check(file: string, text: string): Promise<EditorDiagnostic[]> {
    const uri = pathToFileURL(join(dirname(file), `unsaved-${++this.version}-${basename(file)}`)).href;
    const published = new Promise<EditorDiagnostic[]>((resolve) => this.diagnostics.set(uri, resolve));
    this.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
    return published;
  }

  stop(): void {
    this.server.kill();
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.server.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin!.write(body);
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.replies.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as { id?: number; method?: string; params?: any; result?: unknown };
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  private handle(m: { id?: number; method?: string; params?: any; result?: unknown }): void {
    if (m.method === undefined && m.id !== undefined) {
      this.replies.get(m.id)?.(m.result);
      this.replies.delete(m.id);
    } else if (m.method === 'workspace/configuration') {
      this.send({ id: m.id, result: m.params.items.map(() => ({ validate: true, schemaStore: { enable: false } })) });
    } else if (m.id !== undefined) {
      this.send({ id: m.id, result: null });
    } else if (m.method === 'textDocument/publishDiagnostics') {
      const list = (m.params.diagnostics as { range: { start: { line: number; character: number } }; message: string }[]).map((d) => ({ line: d.range.start.line + 1, col: d.range.start.character + 1, message: d.message }));
      this.diagnostics.get(m.params.uri)?.(list);
      this.diagnostics.delete(m.params.uri);
    }
  }
}
